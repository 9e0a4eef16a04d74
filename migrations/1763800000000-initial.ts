import { MigrationInterface, QueryRunner } from 'typeorm';

// The whole attribution data model. Reviewed SQL: constraints live in the database.
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(String.raw`
CREATE TABLE currencies (
  code char(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
  minor_units smallint NOT NULL CHECK (minor_units BETWEEN 0 AND 4),
  name text NOT NULL
);
COMMENT ON TABLE currencies IS 'ISO 4217 currencies; minor_units is the number of decimals (USD 2, JPY 0, KWD 3).';
INSERT INTO currencies (code, minor_units, name) VALUES
      ('AED', 2, 'UAE Dirham'),
      ('AFN', 2, 'Afghani'),
      ('ALL', 2, 'Lek'),
      ('AMD', 2, 'Armenian Dram'),
      ('ANG', 2, 'Netherlands Antillean Guilder'),
      ('AOA', 2, 'Kwanza'),
      ('ARS', 2, 'Argentine Peso'),
      ('AUD', 2, 'Australian Dollar'),
      ('AWG', 2, 'Aruban Florin'),
      ('AZN', 2, 'Azerbaijan Manat'),
      ('BAM', 2, 'Convertible Mark'),
      ('BBD', 2, 'Barbados Dollar'),
      ('BDT', 2, 'Taka'),
      ('BGN', 2, 'Bulgarian Lev'),
      ('BHD', 3, 'Bahraini Dinar'),
      ('BIF', 0, 'Burundi Franc'),
      ('BMD', 2, 'Bermudian Dollar'),
      ('BND', 2, 'Brunei Dollar'),
      ('BOB', 2, 'Boliviano'),
      ('BOV', 2, 'Mvdol'),
      ('BRL', 2, 'Brazilian Real'),
      ('BSD', 2, 'Bahamian Dollar'),
      ('BTN', 2, 'Ngultrum'),
      ('BWP', 2, 'Pula'),
      ('BYN', 2, 'Belarusian Ruble'),
      ('BZD', 2, 'Belize Dollar'),
      ('CAD', 2, 'Canadian Dollar'),
      ('CDF', 2, 'Congolese Franc'),
      ('CHE', 2, 'WIR Euro'),
      ('CHF', 2, 'Swiss Franc'),
      ('CHW', 2, 'WIR Franc'),
      ('CLF', 4, 'Unidad de Fomento'),
      ('CLP', 0, 'Chilean Peso'),
      ('CNY', 2, 'Yuan Renminbi'),
      ('COP', 2, 'Colombian Peso'),
      ('COU', 2, 'Unidad de Valor Real'),
      ('CRC', 2, 'Costa Rican Colon'),
      ('CUC', 2, 'Peso Convertible'),
      ('CUP', 2, 'Cuban Peso'),
      ('CVE', 2, 'Cabo Verde Escudo'),
      ('CZK', 2, 'Czech Koruna'),
      ('DJF', 0, 'Djibouti Franc'),
      ('DKK', 2, 'Danish Krone'),
      ('DOP', 2, 'Dominican Peso'),
      ('DZD', 2, 'Algerian Dinar'),
      ('EGP', 2, 'Egyptian Pound'),
      ('ERN', 2, 'Nakfa'),
      ('ETB', 2, 'Ethiopian Birr'),
      ('EUR', 2, 'Euro'),
      ('FJD', 2, 'Fiji Dollar'),
      ('FKP', 2, 'Falkland Islands Pound'),
      ('GBP', 2, 'Pound Sterling'),
      ('GEL', 2, 'Lari'),
      ('GHS', 2, 'Ghana Cedi'),
      ('GIP', 2, 'Gibraltar Pound'),
      ('GMD', 2, 'Dalasi'),
      ('GNF', 0, 'Guinean Franc'),
      ('GTQ', 2, 'Quetzal'),
      ('GYD', 2, 'Guyana Dollar'),
      ('HKD', 2, 'Hong Kong Dollar'),
      ('HNL', 2, 'Lempira'),
      ('HTG', 2, 'Gourde'),
      ('HUF', 2, 'Forint'),
      ('IDR', 2, 'Rupiah'),
      ('ILS', 2, 'New Israeli Sheqel'),
      ('INR', 2, 'Indian Rupee'),
      ('IQD', 3, 'Iraqi Dinar'),
      ('IRR', 2, 'Iranian Rial'),
      ('ISK', 0, 'Iceland Krona'),
      ('JMD', 2, 'Jamaican Dollar'),
      ('JOD', 3, 'Jordanian Dinar'),
      ('JPY', 0, 'Yen'),
      ('KES', 2, 'Kenyan Shilling'),
      ('KGS', 2, 'Som'),
      ('KHR', 2, 'Riel'),
      ('KMF', 0, 'Comorian Franc '),
      ('KPW', 2, 'North Korean Won'),
      ('KRW', 0, 'Won'),
      ('KWD', 3, 'Kuwaiti Dinar'),
      ('KYD', 2, 'Cayman Islands Dollar'),
      ('KZT', 2, 'Tenge'),
      ('LAK', 2, 'Lao Kip'),
      ('LBP', 2, 'Lebanese Pound'),
      ('LKR', 2, 'Sri Lanka Rupee'),
      ('LRD', 2, 'Liberian Dollar'),
      ('LSL', 2, 'Loti'),
      ('LYD', 3, 'Libyan Dinar'),
      ('MAD', 2, 'Moroccan Dirham'),
      ('MDL', 2, 'Moldovan Leu'),
      ('MGA', 2, 'Malagasy Ariary'),
      ('MKD', 2, 'Denar'),
      ('MMK', 2, 'Kyat'),
      ('MNT', 2, 'Tugrik'),
      ('MOP', 2, 'Pataca'),
      ('MRU', 2, 'Ouguiya'),
      ('MUR', 2, 'Mauritius Rupee'),
      ('MVR', 2, 'Rufiyaa'),
      ('MWK', 2, 'Malawi Kwacha'),
      ('MXN', 2, 'Mexican Peso'),
      ('MXV', 2, 'Mexican Unidad de Inversion (UDI)'),
      ('MYR', 2, 'Malaysian Ringgit'),
      ('MZN', 2, 'Mozambique Metical'),
      ('NAD', 2, 'Namibia Dollar'),
      ('NGN', 2, 'Naira'),
      ('NIO', 2, 'Cordoba Oro'),
      ('NOK', 2, 'Norwegian Krone'),
      ('NPR', 2, 'Nepalese Rupee'),
      ('NZD', 2, 'New Zealand Dollar'),
      ('OMR', 3, 'Rial Omani'),
      ('PAB', 2, 'Balboa'),
      ('PEN', 2, 'Sol'),
      ('PGK', 2, 'Kina'),
      ('PHP', 2, 'Philippine Peso'),
      ('PKR', 2, 'Pakistan Rupee'),
      ('PLN', 2, 'Zloty'),
      ('PYG', 0, 'Guarani'),
      ('QAR', 2, 'Qatari Rial'),
      ('RON', 2, 'Romanian Leu'),
      ('RSD', 2, 'Serbian Dinar'),
      ('RUB', 2, 'Russian Ruble'),
      ('RWF', 0, 'Rwanda Franc'),
      ('SAR', 2, 'Saudi Riyal'),
      ('SBD', 2, 'Solomon Islands Dollar'),
      ('SCR', 2, 'Seychelles Rupee'),
      ('SDG', 2, 'Sudanese Pound'),
      ('SEK', 2, 'Swedish Krona'),
      ('SGD', 2, 'Singapore Dollar'),
      ('SHP', 2, 'Saint Helena Pound'),
      ('SLE', 2, 'Leone'),
      ('SOS', 2, 'Somali Shilling'),
      ('SRD', 2, 'Surinam Dollar'),
      ('SSP', 2, 'South Sudanese Pound'),
      ('STN', 2, 'Dobra'),
      ('SVC', 2, 'El Salvador Colon'),
      ('SYP', 2, 'Syrian Pound'),
      ('SZL', 2, 'Lilangeni'),
      ('THB', 2, 'Baht'),
      ('TJS', 2, 'Somoni'),
      ('TMT', 2, 'Turkmenistan New Manat'),
      ('TND', 3, 'Tunisian Dinar'),
      ('TOP', 2, 'Pa’anga'),
      ('TRY', 2, 'Turkish Lira'),
      ('TTD', 2, 'Trinidad and Tobago Dollar'),
      ('TWD', 2, 'New Taiwan Dollar'),
      ('TZS', 2, 'Tanzanian Shilling'),
      ('UAH', 2, 'Hryvnia'),
      ('UGX', 0, 'Uganda Shilling'),
      ('USD', 2, 'US Dollar'),
      ('USN', 2, 'US Dollar (Next day)'),
      ('UYI', 0, 'Uruguay Peso en Unidades Indexadas (UI)'),
      ('UYU', 2, 'Peso Uruguayo'),
      ('UYW', 4, 'Unidad Previsional'),
      ('UZS', 2, 'Uzbekistan Sum'),
      ('VED', 2, 'Bolívar Soberano'),
      ('VES', 2, 'Bolívar Soberano'),
      ('VND', 0, 'Dong'),
      ('VUV', 0, 'Vatu'),
      ('WST', 2, 'Tala'),
      ('XAF', 0, 'CFA Franc BEAC'),
      ('XCD', 2, 'East Caribbean Dollar'),
      ('XOF', 0, 'CFA Franc BCEAO'),
      ('XPF', 0, 'CFP Franc'),
      ('YER', 2, 'Yemeni Rial'),
      ('ZAR', 2, 'Rand'),
      ('ZMW', 2, 'Zambian Kwacha'),
      ('ZWG', 2, 'Zimbabwe Gold');

CREATE TABLE channels (
  slug text PRIMARY KEY CHECK (slug ~ '^[a-z][a-z0-9_]{0,62}$'),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE channels IS 'Marketing and sales channels, as lower-case slugs. Ingestion registers new slugs on first use.';
INSERT INTO channels (slug) VALUES
  ('paid_search'), ('paid_social'), ('display'), ('email'), ('webinar'), ('event'), ('content'),
  ('organic_search'), ('social'), ('referral'), ('partner'), ('direct'), ('sales'), ('other');

-- Rows are never deleted: deleted_at marks a soft deletion and recorded_at the ingestion time,
-- so that "as of" reports stay possible.
CREATE TABLE campaigns (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_id text NOT NULL UNIQUE CHECK (external_id <> ''),
  name text NOT NULL,
  channel text NOT NULL REFERENCES channels (slug),
  utm_source text,
  utm_medium text,
  utm_campaign text,
  starts_on date,
  ends_on date,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT campaigns_dates_ordered CHECK (ends_on >= starts_on)
);
CREATE INDEX campaigns_channel_idx ON campaigns (channel);

CREATE TABLE campaign_costs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id),
  cost_date date NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency char(3) NOT NULL REFERENCES currencies (code),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT campaign_costs_one_per_day UNIQUE (campaign_id, cost_date)
);
CREATE INDEX campaign_costs_date_idx ON campaign_costs (cost_date);

CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_id text NOT NULL UNIQUE CHECK (external_id <> ''),
  name text NOT NULL,
  domain text,
  segment text,
  industry text,
  size text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

CREATE TYPE lifecycle_stage AS ENUM ('SUBSCRIBER', 'LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER', 'DISQUALIFIED');

CREATE TABLE leads (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_id text NOT NULL UNIQUE CHECK (external_id <> ''),
  account_id bigint REFERENCES accounts (id),
  email text CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  name text,
  created_at timestamptz NOT NULL,
  lifecycle_stage lifecycle_stage NOT NULL,
  stage_changed_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX leads_email_key ON leads (lower(email)) WHERE email IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX leads_account_idx ON leads (account_id);
CREATE INDEX leads_created_at_idx ON leads (created_at);

CREATE TABLE lead_stage_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lead_id bigint NOT NULL REFERENCES leads (id),
  account_id bigint REFERENCES accounts (id),
  from_stage lifecycle_stage,
  to_stage lifecycle_stage NOT NULL,
  changed_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lead_stage_changes_lead_idx ON lead_stage_changes (lead_id, changed_at);

CREATE TYPE touch_type AS ENUM ('AD_CLICK', 'EMAIL_OPEN', 'EMAIL_CLICK', 'FORM_SUBMIT', 'CONTENT_DOWNLOAD', 'WEBINAR',
  'EVENT', 'WEB_VISIT', 'CHAT', 'SALES_CALL', 'SALES_MEETING', 'SALES_EMAIL', 'OTHER');

CREATE TABLE touches (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_id text NOT NULL UNIQUE CHECK (external_id <> ''),
  lead_id bigint NOT NULL REFERENCES leads (id),
  account_id bigint REFERENCES accounts (id),
  campaign_id bigint REFERENCES campaigns (id),
  channel text NOT NULL REFERENCES channels (slug),
  type touch_type NOT NULL,
  occurred_at timestamptz NOT NULL,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_content text,
  utm_term text,
  properties jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- The attribution access path: a contact's touches in time order.
CREATE INDEX touches_lead_time_idx ON touches (lead_id, occurred_at, id);
CREATE INDEX touches_campaign_time_idx ON touches (campaign_id, occurred_at);
CREATE INDEX touches_account_idx ON touches (account_id);

CREATE TYPE deal_status AS ENUM ('OPEN', 'WON', 'LOST');

CREATE TABLE deals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_id text NOT NULL UNIQUE CHECK (external_id <> ''),
  name text NOT NULL,
  account_id bigint REFERENCES accounts (id),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency char(3) NOT NULL REFERENCES currencies (code),
  status deal_status NOT NULL,
  stage text,
  owner text,
  created_at timestamptz NOT NULL,
  closed_at timestamptz,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT deals_closed_at_matches_status CHECK ((status = 'OPEN') = (closed_at IS NULL)),
  CONSTRAINT deals_closed_after_created CHECK (closed_at >= created_at)
);
CREATE INDEX deals_status_closed_at_idx ON deals (status, closed_at);
CREATE INDEX deals_created_at_idx ON deals (created_at);
CREATE INDEX deals_account_idx ON deals (account_id);

-- account_id is the deal's account: with leads, touches and deals, it is the distribution key.
CREATE TABLE deal_contacts (
  deal_id bigint NOT NULL REFERENCES deals (id),
  lead_id bigint NOT NULL REFERENCES leads (id),
  account_id bigint REFERENCES accounts (id),
  is_primary boolean NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (deal_id, lead_id)
);
-- At most one primary per deal, checked at commit so that a batch can move the primary flag.
ALTER TABLE deal_contacts ADD CONSTRAINT deal_contacts_one_primary
  EXCLUDE USING btree (deal_id WITH =) WHERE (is_primary AND deleted_at IS NULL) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX deal_contacts_lead_idx ON deal_contacts (lead_id);

-- "At least one primary" (when the deal has contacts) is checked at commit too.
CREATE FUNCTION deal_contacts_require_primary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM deal_contacts WHERE deal_id = NEW.deal_id AND deleted_at IS NULL)
     AND NOT EXISTS (SELECT 1 FROM deal_contacts WHERE deal_id = NEW.deal_id AND deleted_at IS NULL AND is_primary) THEN
    RAISE EXCEPTION 'deal % has contacts but no primary contact', NEW.deal_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER deal_contacts_require_primary AFTER INSERT OR UPDATE ON deal_contacts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION deal_contacts_require_primary();

CREATE TABLE deal_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  deal_id bigint NOT NULL REFERENCES deals (id),
  account_id bigint REFERENCES accounts (id),
  changed_at timestamptz NOT NULL,
  status deal_status NOT NULL,
  stage text,
  amount_minor bigint NOT NULL,
  currency char(3) NOT NULL REFERENCES currencies (code),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deal_changes_deal_idx ON deal_changes (deal_id, changed_at);

-- rate: units of the reporting currency (REPORTING_CURRENCY) for one unit of currency.
CREATE TABLE fx_rates (
  currency char(3) NOT NULL REFERENCES currencies (code),
  rate_date date NOT NULL,
  rate numeric(24, 12) NOT NULL CHECK (rate > 0),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (currency, rate_date)
);

-- The stored result of an ingestion call, so that a retry with the same key returns it.
CREATE TABLE ingest_requests (
  operation text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  result jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation, idempotency_key)
);

-- Ingestion validates raw text set-based. These return NULL for text that is not a valid value,
-- instead of failing the whole statement. Only ISO 8601 forms are accepted (never 'now' or 'epoch').
CREATE FUNCTION ingest_timestamptz(value text) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF value !~ '^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d{1,6})?)?)?\s*(Z|[+-]\d\d(:?\d\d)?)?$' THEN
    RETURN NULL;
  END IF;
  RETURN value::timestamptz;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

CREATE FUNCTION ingest_date(value text) RETURNS date LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF value !~ '^\d{4}-\d\d-\d\d$' THEN
    RETURN NULL;
  END IF;
  RETURN value::date;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

CREATE FUNCTION ingest_jsonb(value text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN value::jsonb;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

-- PostgreSQL 16+ can test input without an exception block, which is far cheaper per row.
DO $do$
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    CREATE OR REPLACE FUNCTION ingest_timestamptz(value text) RETURNS timestamptz LANGUAGE sql STABLE AS $f$
      SELECT CASE WHEN value ~ '^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d{1,6})?)?)?\s*(Z|[+-]\d\d(:?\d\d)?)?$'
                   AND pg_input_is_valid(value, 'timestamptz') THEN value::timestamptz END
    $f$;
    CREATE OR REPLACE FUNCTION ingest_date(value text) RETURNS date LANGUAGE sql STABLE AS $f$
      SELECT CASE WHEN value ~ '^\d{4}-\d\d-\d\d$' AND pg_input_is_valid(value, 'date') THEN value::date END
    $f$;
    CREATE OR REPLACE FUNCTION ingest_jsonb(value text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $f$
      SELECT CASE WHEN pg_input_is_valid(value, 'jsonb') THEN value::jsonb END
    $f$;
  END IF;
END $do$;
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE ingest_requests, fx_rates, deal_changes, deal_contacts, deals, touches, lead_stage_changes,
        leads, accounts, campaign_costs, campaigns, channels, currencies;
      DROP FUNCTION deal_contacts_require_primary, ingest_timestamptz, ingest_date, ingest_jsonb;
      DROP TYPE deal_status, touch_type, lifecycle_stage;
    `);
  }
}
