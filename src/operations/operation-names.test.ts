import { OperationNames } from './operation-names';

describe('OperationNames', () => {
  test.each([
    [undefined, 'anonymous'],
    [null, 'anonymous'],
    ['', 'anonymous'],
    ['DealPipeline', 'DealPipeline'],
    ['x'.repeat(64), 'x'.repeat(64)],
    ['x'.repeat(65), 'other'],
  ])('%j is labelled %j', (name, label) => {
    expect(new OperationNames().label(name)).toBe(label);
  });

  test('keeps the first 100 names, folds later ones into "other", and keeps labelling known ones', () => {
    const names = new OperationNames();
    const first = Array.from({ length: 100 }, (_, i) => `Op${i}`);
    expect(first.map((name) => names.label(name))).toEqual(first);
    expect(names.label('Op100')).toBe('other');
    expect(names.label('Op7')).toBe('Op7');
  });
});
