import { Field, Int, ObjectType } from "type-graphql";

import type { DocumentImageData } from "../services/normalize/NfcDocumentData";

@ObjectType({ description: "An image read from the document or its chip." })
export class DocumentImage implements DocumentImageData {
  @Field(() => String, {
    description:
      "The format, from the image's own bytes: image/jpeg, image/png, " +
      "image/jp2, image/j2k, image/bmp, image/gif, or " +
      "application/octet-stream when unknown. No current browser shows " +
      "JPEG 2000.",
  })
  mimeType!: string;

  @Field(() => Int, { description: "The decoded image's size in bytes." })
  byteLength!: number;

  @Field(() => String, {
    description: "The image as the upstream sent it, base64-encoded.",
  })
  base64!: string;
}
