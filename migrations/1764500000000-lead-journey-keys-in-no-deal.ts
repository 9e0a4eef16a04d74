import { MigrationInterface, QueryRunner } from 'typeorm';

// lead_journey_keys now holds only the leads whose touches make a journey of their own: reports
// read it without checking deal contacts and deletions again. Rows stored before that rule go.
export class LeadJourneyKeysInNoDeal1764500000000 implements MigrationInterface {
  name = 'LeadJourneyKeysInNoDeal1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM lead_journey_keys k USING leads l
      WHERE l.id = k.lead_id
        AND (l.deleted_at IS NOT NULL
             OR EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.lead_id = l.id AND dc.deleted_at IS NULL));
      COMMENT ON TABLE lead_journey_keys IS
        'Every lead with touches, not deleted and in no deal: the keys of all its touches, and when the last one happened.';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      COMMENT ON TABLE lead_journey_keys IS 'Every lead with touches: the keys of all its touches, and when the last one happened.';
      INSERT INTO touch_credit_stale_leads (lead_id) SELECT id FROM leads ON CONFLICT DO NOTHING;
    `);
  }
}
