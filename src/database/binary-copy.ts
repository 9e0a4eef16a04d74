// PostgreSQL's binary COPY format: a signature, flags and header extension length, then per row
// its field count and each field as a length and big-endian bytes, then -1 as the trailer.
const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];
const HEADER = Buffer.from([...SIGNATURE, 0, 0, 0, 0, 0, 0, 0, 0]);
const TRAILER = Buffer.from([0xff, 0xff]);

// Pieces of about a megabyte: written row by row, the socket writes would cost more than the rows.
const PIECE_BYTES = 1 << 20;
const WORD = 2 ** 32;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const SAFE_DIGITS = 15;
// timestamptz counts microseconds from 2000-01-01 UTC.
const POSTGRES_EPOCH_MICROS = Date.UTC(2000, 0, 1) * 1000;

/**
 * Rows in binary COPY format (`COPY ... FROM STDIN WITH (FORMAT binary)`): bigint, float8,
 * timestamptz, boolean, text and NULL fields, written straight into buffers: no text per number,
 * as writing numbers out as CSV text (and the strings' garbage) was most of sending computed
 * credits to PostgreSQL. A row may straddle two pieces: COPY reads them as one stream.
 */
export class BinaryCopyRows {
  private readonly pieces: Buffer[] = [HEADER];
  private piece = Buffer.allocUnsafe(PIECE_BYTES);
  private view = new DataView(this.piece.buffer, this.piece.byteOffset, PIECE_BYTES);
  private offset = 0;

  /** Starts a row of `fields` fields. */
  row(fields: number): void {
    this.room(2);
    this.view.setInt16(this.offset, fields);
    this.offset += 2;
  }

  /** A bigint field from a non-negative digit string (a database id). */
  int8Digits(digits: string): void {
    if (digits.length <= SAFE_DIGITS) this.safeInt8(Number(digits));
    else this.int8(BigInt(digits));
  }

  /** A bigint field. */
  int8(value: bigint): void {
    if (value >= 0n && value <= SAFE) {
      this.safeInt8(Number(value));
      return;
    }
    this.room(12);
    this.view.setInt32(this.offset, 8);
    this.view.setBigInt64(this.offset + 4, value);
    this.offset += 12;
  }

  /** A float8 field: the double itself, so PostgreSQL stores exactly this value. */
  float8(value: number): void {
    this.room(12);
    this.view.setInt32(this.offset, 8);
    this.view.setFloat64(this.offset + 4, value);
    this.offset += 12;
  }

  /** A timestamptz field from microseconds since the Unix epoch (a safe integer). */
  timestamptz(micros: number): void {
    // Its two's complement as two 32-bit words, without a bigint per field.
    const value = micros - POSTGRES_EPOCH_MICROS;
    const high = Math.floor(value / WORD);
    this.room(12);
    this.view.setInt32(this.offset, 8);
    this.view.setInt32(this.offset + 4, high);
    this.view.setUint32(this.offset + 8, value - high * WORD);
    this.offset += 12;
  }

  /** A boolean field. */
  bool(value: boolean): void {
    this.room(5);
    this.view.setInt32(this.offset, 1);
    this.view.setUint8(this.offset + 4, value ? 1 : 0);
    this.offset += 5;
  }

  /** A text (or char) field, in UTF-8. */
  text(value: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit. ASCII (every key the credits write) is
    // copied unit by unit: Buffer's encoder costs three times as much for such short strings.
    this.room(4 + 3 * value.length);
    const start = this.offset + 4;
    let bytes = 0;
    for (let code = value.charCodeAt(0); bytes < value.length && code < 0x80; code = value.charCodeAt(bytes)) {
      this.piece[start + bytes] = code;
      bytes += 1;
    }
    if (bytes < value.length) bytes = this.piece.write(value, start);
    this.view.setInt32(this.offset, bytes);
    this.offset = start + bytes;
  }

  /** A NULL field. */
  null(): void {
    this.room(4);
    this.view.setInt32(this.offset, -1);
    this.offset += 4;
  }

  /** Every row written so far, in pieces, with the format's header and trailer. */
  finish(): Buffer[] {
    return [...this.pieces, this.piece.subarray(0, this.offset), TRAILER];
  }

  // A safe non-negative integer as its high and low 32-bit words.
  private safeInt8(value: number): void {
    this.room(12);
    this.view.setInt32(this.offset, 8);
    this.view.setUint32(this.offset + 4, Math.floor(value / WORD));
    this.view.setUint32(this.offset + 8, value % WORD);
    this.offset += 12;
  }

  // A field larger than a piece gets a piece of its own size.
  private room(bytes: number): void {
    if (this.offset + bytes > this.piece.length) this.nextPiece(bytes);
  }

  private nextPiece(bytes: number): void {
    this.pieces.push(this.piece.subarray(0, this.offset));
    this.piece = Buffer.allocUnsafe(Math.max(PIECE_BYTES, bytes));
    this.view = new DataView(this.piece.buffer, this.piece.byteOffset, this.piece.length);
    this.offset = 0;
  }
}
