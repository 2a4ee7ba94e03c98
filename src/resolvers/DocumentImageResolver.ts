import { FieldResolver, Resolver, Root } from "type-graphql";

import { DocumentImage } from "../schema/DocumentImage";
import type { DocumentImageData } from "../services/normalize/NfcDocumentData";

@Resolver(() => DocumentImage)
export class DocumentImageResolver {
  @FieldResolver(() => String, {
    description:
      "The image as a data: URL, ready for an <img> element (except " +
      "JPEG 2000, which no current browser shows).",
  })
  dataUrl(@Root() image: DocumentImageData): string {
    // Built on demand: keeping it would double each cached image.
    return `data:${image.mimeType};base64,${image.base64}`;
  }
}
