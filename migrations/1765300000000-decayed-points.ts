import { MigrationInterface, QueryRunner } from 'typeorm';

// A lead's running score at each touch: the points of every earlier touch decayed to that moment.
// Summed over every pair of touches it grew with the square of a lead's touches (35 s for the
// large demo's 97k leads); as a running aggregate, one pass in touch order: at each touch the sum
// so far decays by the time since the previous one, then the touch's points are added. As before,
// no step decays by more than 2^-100 (float8 arithmetic raises an error on underflow rather than
// reach 0), and a sum below 1e-270 counts as 0, so that no product underflows.
export class DecayedPoints1765300000000 implements MigrationInterface {
  name = 'DecayedPoints1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE FUNCTION decayed_points_step(state float8[], points float8, earned_at timestamptz, half_life_days numeric)
RETURNS float8[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  at float8 := extract(epoch FROM earned_at);
  halves float8;
BEGIN
  IF state IS NULL THEN
    RETURN ARRAY[points, at];
  END IF;
  IF half_life_days IS NULL OR abs(state[1]) < 1e-270 THEN
    RETURN ARRAY[CASE WHEN half_life_days IS NULL THEN state[1] ELSE 0 END + points, at];
  END IF;
  halves := least((at - state[2]) / (half_life_days * 86400)::float8, 100);
  RETURN ARRAY[state[1] * power(2::float8, -halves) + points, at];
END $$;

CREATE FUNCTION decayed_points_total(state float8[]) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT state[1]';

-- decayed_points(points, earned_at, half_life_days) OVER (... ORDER BY earned_at ...): the
-- running decayed score (no decay when half_life_days is NULL).
CREATE AGGREGATE decayed_points(float8, timestamptz, numeric) (
  SFUNC = decayed_points_step, STYPE = float8[], FINALFUNC = decayed_points_total
);
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP AGGREGATE decayed_points(float8, timestamptz, numeric);
DROP FUNCTION decayed_points_total(float8[]);
DROP FUNCTION decayed_points_step(float8[], float8, timestamptz, numeric);`);
  }
}
