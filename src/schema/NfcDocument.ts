import { Field, ObjectType } from "type-graphql";

import type { NfcDocumentData } from "../services/normalize/NfcDocumentData";
import { CheckMRTD } from "./CheckMRTD";
import { DocumentImage } from "./DocumentImage";
import { IdType, NfcResultCode } from "./enums";

/** A nullable text field whose value the upstream may leave empty. */
function TextField(description: string) {
  return Field(() => String, {
    nullable: true,
    description: `${description} Null when the upstream sent none.`,
  });
}

/** A date field, ISO where the upstream's text is a real date. */
function DateField(description: string) {
  return TextField(
    `${description} ISO YYYY-MM-DD where the upstream's text is a real ` +
      "date in a known form; the upstream's own text otherwise.",
  );
}

@ObjectType({
  description:
    "An identity document as its chip was read through the WeChat NFC SDK.",
})
export class NfcDocument implements NfcDocumentData {
  @Field(() => String, { description: "The token this document was read by." })
  nfcToken!: string;

  @Field(() => NfcResultCode, {
    description: "Whether the chip was read, which decides billing.",
  })
  resultCode!: NfcResultCode;

  @Field(() => Boolean, {
    description: "True when this read is billed (once per token).",
  })
  billed!: boolean;

  @Field(() => String, {
    description: "The upstream's RequestId, for support requests to Tencent.",
  })
  requestId!: string;

  @Field(() => IdType, {
    nullable: true,
    description:
      "The kind of document; null when the upstream sent no code or one " +
      "it does not document (see idTypeCode).",
  })
  idType!: IdType | null;

  @TextField('The upstream\'s IdType code as sent, such as "01".')
  idTypeCode!: string | null;

  @TextField("Identity number (resident ID number or permit number).")
  idNum!: string | null;

  @TextField("Name as printed on the document.")
  name!: string | null;

  @TextField("Name in Latin letters.")
  enName!: string | null;

  @TextField("Sex as the upstream writes it.")
  sex!: string | null;

  @TextField("Ethnicity (resident ID cards).")
  nation!: string | null;

  @TextField("Nationality (travel documents).")
  nationality!: string | null;

  @TextField("Address (resident ID cards).")
  address!: string | null;

  @TextField("Issuing authority.")
  signingOrganization!: string | null;

  @TextField("Another document number: passport or permit number.")
  otherIdNum!: string | null;

  @TextField("Characters 29 to 42 of the MRZ's second line.")
  personalNumber!: string | null;

  @DateField("Date of birth.")
  birthDate!: string | null;

  @DateField("Start of validity.")
  beginTime!: string | null;

  @DateField("End of validity; long-term validity keeps its own text.")
  endTime!: string | null;

  /** The raw EndTime, from which `expired` is worked out; not in the schema. */
  endTimeRaw!: string | null;

  @Field(() => DocumentImage, {
    nullable: true,
    description: "Portrait from the chip.",
  })
  picture!: DocumentImage | null;

  @Field(() => DocumentImage, {
    nullable: true,
    description: "Front of the document (portrait side).",
  })
  idCardFrontImg!: DocumentImage | null;

  @Field(() => DocumentImage, {
    nullable: true,
    description: "Back of the document (national emblem side).",
  })
  idCardBackImg!: DocumentImage | null;

  @Field(() => CheckMRTD, {
    nullable: true,
    description:
      "The chip's authenticity checks; null when the upstream sent none " +
      "or sent something that cannot be read.",
  })
  checkMRTD!: CheckMRTD | null;
}
