/** Recognises the picture formats the fixtures use by their magic bytes. */
export function imageFormatOf(bytes: Buffer): string {
  const starts = (hex: string) =>
    bytes.subarray(0, hex.length / 2).equals(Buffer.from(hex, "hex"));
  if (starts("ffd8ff")) {
    return "jpeg";
  }
  if (starts("89504e470d0a1a0a")) {
    return "png";
  }
  if (starts("0000000c6a5020200d0a870a")) {
    return "jp2";
  }
  if (starts("ff4fff51")) {
    return "j2k";
  }
  return "unknown";
}

/**
 * Walks a JPEG's marker segments from SOI to the start of scan and checks
 * that every length lands on the next marker, as a decoder would need, and
 * that the file ends with EOI.
 *
 * @returns the markers seen, e.g. 0xffe0 for APP0, 0xfffe for a comment
 */
export function jpegMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  let offset = 2;
  while (offset < jpeg.length) {
    const marker = jpeg.readUInt16BE(offset);
    if ((marker & 0xff00) !== 0xff00) {
      throw new Error(`No marker at offset ${offset}.`);
    }
    markers.push(marker);
    // Start of scan ends the header; a file without a scan ends at EOI.
    if (marker === 0xffda || marker === 0xffd9) {
      break;
    }
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  if (jpeg.readUInt16BE(jpeg.length - 2) !== 0xffd9) {
    throw new Error("The JPEG does not end with EOI.");
  }
  return markers;
}
