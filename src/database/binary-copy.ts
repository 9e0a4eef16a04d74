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

/**
 * Rows of bigint and float8 fields in binary COPY format (`COPY ... FROM STDIN WITH (FORMAT
 * binary)`), written straight into buffers: no text per number, as writing numbers out as CSV
 * text (and the strings' garbage) was most of sending computed credits to PostgreSQL.
 */
export class BinaryCopyRows {
  private readonly pieces: Buffer[] = [HEADER];
  private piece = Buffer.allocUnsafe(PIECE_BYTES);
  private view = new DataView(this.piece.buffer, this.piece.byteOffset, PIECE_BYTES);
  private offset = 0;

  /** Starts a row of `fields` fields, each 8 bytes wide. */
  row(fields: number): void {
    const bytes = 2 + fields * 12;
    if (this.offset + bytes > PIECE_BYTES) this.nextPiece();
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
    this.view.setInt32(this.offset, 8);
    this.view.setBigInt64(this.offset + 4, value);
    this.offset += 12;
  }

  /** A float8 field: the double itself, so PostgreSQL stores exactly this value. */
  float8(value: number): void {
    this.view.setInt32(this.offset, 8);
    this.view.setFloat64(this.offset + 4, value);
    this.offset += 12;
  }

  /** Every row written so far, in pieces, with the format's header and trailer. */
  finish(): Buffer[] {
    return [...this.pieces, this.piece.subarray(0, this.offset), TRAILER];
  }

  // A safe non-negative integer as its high and low 32-bit words.
  private safeInt8(value: number): void {
    this.view.setInt32(this.offset, 8);
    this.view.setUint32(this.offset + 4, Math.floor(value / WORD));
    this.view.setUint32(this.offset + 8, value % WORD);
    this.offset += 12;
  }

  private nextPiece(): void {
    this.pieces.push(this.piece.subarray(0, this.offset));
    this.piece = Buffer.allocUnsafe(PIECE_BYTES);
    this.view = new DataView(this.piece.buffer, this.piece.byteOffset, PIECE_BYTES);
    this.offset = 0;
  }
}
