import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../auth/api-key.service';
import { ApiKeyIdentity } from '../auth/scope';
import { unauthenticated } from '../errors';
import { ExportReportName } from './export-input';
import { FormatName } from './flat-format';

/** What a signed link allows: exactly one export, with its input, as its key, until it expires. */
export interface ExportLinkClaims {
  keyId: string;
  report: ExportReportName;
  format: FormatName;
  input: unknown;
  expiresAt: Date;
}

// The token is `<payload>.<signature>`, both base64url: the payload is the claims as JSON, the
// signature an HMAC-SHA256 of the payload under the database's export link secret.
type Payload = [keyId: string, report: ExportReportName, format: FormatName, input: unknown, expiresAtSeconds: number];

/** Signs export links and checks them; the key lives in the database so every process agrees. */
export class ExportLinks {
  private secret?: Promise<Buffer>;

  constructor(private readonly dataSource: DataSource, private readonly apiKeys: ApiKeyService) {}

  private key(): Promise<Buffer> {
    this.secret ??= this.loadSecret().catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
    return this.secret;
  }

  private async loadSecret(): Promise<Buffer> {
    // The first process to need it creates it; every other one reads that one.
    await this.dataSource.query('INSERT INTO export_link_secret (secret) VALUES ($1) ON CONFLICT DO NOTHING', [randomBytes(32)]);
    const [row] = await this.dataSource.query<Array<{ secret: Buffer }>>('SELECT secret FROM export_link_secret');
    return row!.secret;
  }

  private async signature(payload: string): Promise<Buffer> {
    return createHmac('sha256', await this.key()).update(payload).digest();
  }

  async sign(claims: ExportLinkClaims): Promise<string> {
    const payload: Payload = [claims.keyId, claims.report, claims.format, claims.input, Math.floor(claims.expiresAt.getTime() / 1000)];
    const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${encoded}.${(await this.signature(encoded)).toString('base64url')}`;
  }

  /**
   * The key and input a token grants for this export; UNAUTHENTICATED when the token is forged,
   * altered, for another export, expired, or its key is revoked.
   */
  async verify(token: string, report: ExportReportName, format: FormatName): Promise<{ identity: ApiKeyIdentity; input: unknown }> {
    const [encoded, signature, extra] = token.split('.');
    const expected = encoded ? await this.signature(encoded) : undefined;
    const given = Buffer.from(signature ?? '', 'base64url');
    if (!expected || extra !== undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw unauthenticated('Invalid export link: ask for a new one with createExportLink');
    }
    const [keyId, linkReport, linkFormat, input, expiresAtSeconds] = JSON.parse(Buffer.from(encoded!, 'base64url').toString()) as Payload;
    if (linkReport !== report || linkFormat !== format) {
      throw unauthenticated(`This export link is for /export/${linkReport}.${linkFormat} only`);
    }
    if (expiresAtSeconds * 1000 <= Date.now()) {
      throw unauthenticated(`This export link expired at ${new Date(expiresAtSeconds * 1000).toISOString()}: ask for a new one with createExportLink`);
    }
    const identity = await this.apiKeys.activeKey(keyId);
    if (!identity) throw unauthenticated(`The API key ${keyId} behind this export link is revoked`);
    return { identity, input };
  }
}
