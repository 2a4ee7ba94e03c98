/*
 * The operations the benchmarks send. Neither asks for `requestId`: it is
 * the upstream's id of the pull, which differs between servers that pulled
 * the same token separately, and leaving it out lets every server's answer
 * be checked byte for byte against ours.
 */

const IMAGE_FIELDS = "mimeType byteLength base64";

/** What a front end shows after a scan: text fields, no images. */
export const SMALL_QUERY = `query Small($nfcToken: String!) {
  nfcDocument(nfcToken: $nfcToken) {
    nfcToken resultCode billed idType idTypeCode idNum name sex nation
    address birthDate beginTime endTime expired
    checkMRTD { genuine }
  }
}`;

/** Every field, images as base64 (their data: URLs would double them). */
export const FULL_QUERY = `query Full($nfcToken: String!) {
  nfcDocument(nfcToken: $nfcToken) {
    nfcToken resultCode billed idType idTypeCode idNum name enName sex
    nation nationality address signingOrganization otherIdNum
    personalNumber birthDate beginTime endTime expired
    picture { ${IMAGE_FIELDS} }
    idCardFrontImg { ${IMAGE_FIELDS} }
    idCardBackImg { ${IMAGE_FIELDS} }
    checkMRTD { resultIssuer resultPaper resultData resultChip genuine }
  }
}`;

/** The JSON body of a POST /graphql for one token. */
export function requestBody(query: string, nfcToken: string): string {
  return JSON.stringify({ query, variables: { nfcToken } });
}
