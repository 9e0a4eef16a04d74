import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { badUserInput } from '../../errors';
import { checkExportInput } from '../../export/export-input';
import { CreateExportLinkInput, DEFAULT_LINK_HOURS, ExportLink, MAX_LINK_HOURS } from './export-link.type';

@Resolver()
export class ExportLinkResolver {
  @Mutation(() => ExportLink, {
    description: 'A signed URL for one export (read scope), for tools that cannot send an Authorization header. The link acts '
      + 'as the calling API key: it stops working when that key is revoked or the link expires. Writes nothing.',
  })
  async createExportLink(@Arg('input', () => CreateExportLinkInput, { description: 'The export, its input and format.' }) input: CreateExportLinkInput,
    @Ctx() { services, settings, apiKey, origin }: Context): Promise<ExportLink> {
    const hours = input.expiresInHours ?? DEFAULT_LINK_HOURS;
    if (hours < 1 || hours > MAX_LINK_HOURS) {
      throw badUserInput(`input.expiresInHours must be between 1 and ${MAX_LINK_HOURS} (30 days); got ${hours}`,
        { field: 'input.expiresInHours', limit: MAX_LINK_HOURS });
    }
    try {
      checkExportInput(input.report, input.input, settings.reportingCurrency);
    } catch (error) {
      const field = (error as { extensions?: { field?: string } }).extensions?.field;
      if (field) (error as { extensions: { field: string } }).extensions.field = `input.${field}`;
      throw error;
    }
    const expiresAt = new Date(Date.now() + hours * 3_600_000);
    const token = await services.exportLinks.sign({ keyId: apiKey.id, report: input.report, format: input.format, input: input.input, expiresAt });
    return { url: `${origin}/export/${input.report}.${input.format}?token=${token}`, expiresAt };
  }
}
