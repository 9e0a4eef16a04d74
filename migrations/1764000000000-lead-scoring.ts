import { MigrationInterface, QueryRunner } from 'typeorm';

// Lead scoring. A rule set is never edited: setScoringRules records a new version, so every
// score names the rules that produced it and older versions stay readable. Scores are kept per
// lead; ingestion marks the leads it changed and reads rescore just those (see lead-scoring.service.ts).
export class LeadScoring1764000000000 implements MigrationInterface {
  name = 'LeadScoring1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE scoring_rule_sets (
  version int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  threshold numeric NOT NULL CHECK (threshold > 0),
  decay_half_life_days numeric CHECK (decay_half_life_days > 0),
  sla_hours numeric NOT NULL CHECK (sla_hours > 0),
  non_marketing_channels text[] NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- A touch earns the points of its most specific matching rule: type and channel, then type, then channel.
CREATE TABLE scoring_rules (
  version int NOT NULL REFERENCES scoring_rule_sets (version),
  touch_type touch_type,
  channel text,
  points numeric NOT NULL,
  CONSTRAINT scoring_rules_match_something CHECK (touch_type IS NOT NULL OR channel IS NOT NULL),
  CONSTRAINT scoring_rules_one_per_match UNIQUE NULLS NOT DISTINCT (version, touch_type, channel)
);

-- Fit points: a lead whose account has attribute = value earns them from its creation, without decay.
CREATE TABLE scoring_fit_rules (
  version int NOT NULL REFERENCES scoring_rule_sets (version),
  attribute text NOT NULL CHECK (attribute IN ('SEGMENT', 'INDUSTRY', 'SIZE')),
  value text NOT NULL,
  points numeric NOT NULL,
  PRIMARY KEY (version, attribute, value)
);

-- touch_points is the decayed touch score at anchor_at (the last scored touch): with exponential
-- decay, the score at any later time t is fit_points + touch_points * 2^(-(t - anchor_at) / half-life).
CREATE TABLE lead_scores (
  lead_id bigint PRIMARY KEY REFERENCES leads (id),
  rules_version int NOT NULL REFERENCES scoring_rule_sets (version),
  fit_points float8 NOT NULL,
  touch_points float8 NOT NULL,
  anchor_at timestamptz,
  mql_at timestamptz,
  scored_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lead_scores_mql_idx ON lead_scores (mql_at) WHERE mql_at IS NOT NULL;

CREATE TABLE lead_score_stale_leads (lead_id bigint PRIMARY KEY);

INSERT INTO scoring_rule_sets (threshold, decay_half_life_days, sla_hours, non_marketing_channels)
VALUES (100, NULL, 24, '{sales,direct}');
INSERT INTO lead_score_stale_leads (lead_id) SELECT id FROM leads;
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE lead_score_stale_leads, lead_scores, scoring_fit_rules, scoring_rules, scoring_rule_sets');
  }
}
