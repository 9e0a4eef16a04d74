import { DataSource } from 'typeorm';
import { ConversionBasis } from '../../attribution/journey';
import { withConnection } from '../../database/sql';
import { refreshTouchCredits } from './touch-credit-refresh';
import { TouchDealCredit, touchDealCredits } from './touch-deal-credits';

/** Stored credits touch by touch, for views that start from touches (an account's journey). */
export class TouchCreditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Each touch's credits in the deals it served, brought up to date first, as reports are. */
  async creditsOf(touchIds: readonly string[], column: string, basis: ConversionBasis, currency: string):
    Promise<Map<string, TouchDealCredit[]>> {
    await refreshTouchCredits(this.dataSource, currency);
    return withConnection(this.dataSource, (connection) => touchDealCredits(connection, touchIds, column, basis));
  }
}
