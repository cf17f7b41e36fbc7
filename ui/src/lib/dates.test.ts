import { describe, expect, it } from 'vitest';
import { addMonths, dateFormat, describeDate, firstDayOfWeek, formatInput, parseDate } from './dates';

const de = dateFormat('de-DE');
const us = dateFormat('en-US');
const gb = dateFormat('en-GB');
const iso = (text: string, format = de) => {
  const read = parseDate(text, format);
  return read.kind === 'date' ? read.iso : read.kind;
};
const problem = (text: string, format = de) => {
  const read = parseDate(text, format);
  return read.kind === 'invalid' ? read.message : `not refused: ${read.kind}`;
};

describe('the date format of a locale', () => {
  it('comes from Intl: order and separator', () => {
    expect(de).toMatchObject({ order: ['day', 'month', 'year'], separator: '.', pattern: 'DD.MM.YYYY', example: '31.03.2026' });
    expect(us).toMatchObject({ order: ['month', 'day', 'year'], separator: '/', pattern: 'MM/DD/YYYY', example: '03/31/2026' });
    expect(gb).toMatchObject({ order: ['day', 'month', 'year'], separator: '/', pattern: 'DD/MM/YYYY', example: '31/03/2026' });
    expect(dateFormat('sv-SE')).toMatchObject({ pattern: 'YYYY-MM-DD' });
  });
});

describe('reading a typed date', () => {
  it('reads ISO in every locale', () => {
    for (const f of [de, us, gb]) expect(iso('2026-03-31', f)).toBe('2026-03-31');
    expect(iso(' 2026-3-9 ')).toBe('2026-03-09');
  });

  it('reads German dates day first, never as 3 December', () => {
    expect(iso('31.03.2026')).toBe('2026-03-31');
    expect(iso('1.4.2026')).toBe('2026-04-01');
    expect(iso('31032026')).toBe('2026-03-31');
    expect(iso('03.12.2026')).toBe('2026-12-03');
  });

  it('reads US dates month first, typed with or without slashes', () => {
    expect(iso('03/31/2026', us)).toBe('2026-03-31');
    expect(iso('03312026', us)).toBe('2026-03-31');
    expect(iso('3/1/2026', us)).toBe('2026-03-01');
    expect(problem('31/03/2026', us)).toBe('There is no month 31: months go from 1 to 12.');
  });

  it('reads British dates day first', () => {
    expect(iso('31/03/2026', gb)).toBe('2026-03-31');
    expect(iso('31.03.2026', gb)).toBe('2026-03-31');
    expect(iso('01/02/2026', gb)).toBe('2026-02-01');
  });

  it('refuses dates that do not exist', () => {
    expect(problem('2026-02-30')).toBe('February 2026 has only 28 days.');
    expect(problem('29.02.2026')).toBe('February 2026 has only 28 days.');
    expect(iso('29.02.2028')).toBe('2028-02-29');
    expect(problem('31.04.2026')).toBe('April 2026 has only 30 days.');
    expect(problem('2026-13-01')).toBe('There is no month 13: months go from 1 to 12.');
    expect(problem('00.03.2026')).toBe('There is no day 0: days start at 1.');
  });

  it('refuses years outside 1900 to 2999 and years not written in full', () => {
    expect(problem('31.03.1899')).toBe('Enter a year from 1900 to 2999.');
    expect(problem('3000-01-01')).toBe('Enter a year from 1900 to 2999.');
    expect(iso('01.01.1900')).toBe('1900-01-01');
    expect(iso('31.12.2999')).toBe('2999-12-31');
    expect(problem('31.03.26')).toBe('Write the year in full, e.g. 31.03.2026.');
  });

  it('says how to write it when it cannot read it', () => {
    expect(problem('next Tuesday')).toBe('Enter the date as DD.MM.YYYY (e.g. 31.03.2026) or as YYYY-MM-DD.');
    expect(problem('03/31', us)).toBe('Enter the date as MM/DD/YYYY (e.g. 03/31/2026) or as YYYY-MM-DD.');
    expect(problem('2026-03-31-1')).toMatch(/^Enter the date as/);
  });

  it('reads an empty field as no date', () => {
    expect(iso('')).toBe('empty');
    expect(iso('   ')).toBe('empty');
  });
});

describe('showing a date', () => {
  it('in the field the locale way, and in words', () => {
    expect(formatInput('2026-03-31', de)).toBe('31.03.2026');
    expect(formatInput('2026-03-31', us)).toBe('03/31/2026');
    expect(formatInput(null, de)).toBe('');
    expect(describeDate('2026-03-31', de)).toBe('Tuesday, 31 March 2026');
    expect(describeDate('2026-03-31', gb)).toBe('Tuesday, 31 March 2026');
    expect(describeDate('2026-03-31', us)).toBe('Tuesday, March 31, 2026');
  });

  it('starts the calendar week where the locale does, and moves by months safely', () => {
    expect(firstDayOfWeek('de-DE')).toBe(1);
    expect(firstDayOfWeek('en-US')).toBe(0);
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
  });
});
