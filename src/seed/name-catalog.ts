// Invented names: company domains use the reserved .example top-level domain, so no demo email
// can reach a real company.
export const COMPANY_STEMS = [
  'North', 'Blue', 'Silver', 'Iron', 'Bright', 'Cedar', 'Summit', 'Harbor', 'Maple', 'Granite', 'Crescent', 'Pioneer',
  'Atlas', 'Beacon', 'Copper', 'Falcon', 'Horizon', 'Juniper', 'Lumen', 'Meridian', 'Nimbus', 'Orchid', 'Quartz',
  'Redwood', 'Sierra', 'Tidal', 'Vertex', 'Willow', 'Zenith', 'Aurora', 'Cobalt', 'Evergreen',
] as const;

export const COMPANY_ENDINGS = [
  'wind', 'peak', 'line', 'stone', 'field', 'bridge', 'gate', 'works', 'wave', 'path', 'point', 'forge', 'light',
  'vale', 'crest', 'mark',
] as const;

export const COMPANY_KINDS = [
  'Analytics', 'Systems', 'Labs', 'Health', 'Logistics', 'Capital', 'Software', 'Foods', 'Media', 'Robotics',
  'Energy', 'Partners', 'Industries', 'Networks', 'Learning', 'Retail',
] as const;

export const FIRST_NAMES = [
  'Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Maria', 'Li', 'Priya',
  'Ahmed', 'Sofia', 'Lukas', 'Emma', 'Noah', 'Olivia', 'Liam', 'Yuki', 'Hana', 'Kenji', 'Chloe', 'Mateo', 'Elena',
  'David', 'Sarah', 'Omar', 'Fatima', 'Jonas', 'Ines',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Garcia', 'Miller', 'Brown', 'Davis', 'Martin', 'Lee', 'Walker', 'Hall', 'Young', 'King',
  'Wright', 'Lopez', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mueller', 'Schmidt', 'Dubois', 'Rossi',
  'Tanaka', 'Sato', 'Khan', 'Patel', 'Novak', 'Silva', 'Jensen', 'Murphy',
] as const;

export const DEAL_OWNERS = [
  'Avery Collins', 'Blake Foster', 'Drew Hayes', 'Jordan Price', 'Kai Richter', 'Morgan Ellis', 'Reese Tanaka',
  'Sasha Novak',
] as const;

export const OPEN_DEAL_STAGES = ['Discovery', 'Evaluation', 'Proposal', 'Negotiation'] as const;
