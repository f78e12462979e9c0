// Dates, clock times, time ranges and weekday sets as syllabi write them.
import { describe, expect, it } from 'vitest';
import { daysBefore, findTimeRange, parseDateCell, weekdayOfIso } from '../../src/syllabus/dates.js';
import { readWhenWhere } from '../../src/syllabus/logistics.js';

describe('schedule dates', () => {
  it.each([
    ['Sept 6', 9, 6, null],
    ['Sep  6', 9, 6, null],
    ['Sep 06', 9, 6, null],
    ['Sep. 6', 9, 6, null],
    ['March 4', 3, 4, null],
    ['8/26', 8, 26, null],
    ['1/23/19', 1, 23, 2019],
    ['2/4/2019', 2, 4, 2019],
    ['Aug 26, 2024', 8, 26, 2024],
    ['2024-08-26', 8, 26, 2024],
    ['**Dec 7**', 12, 7, null],
    ['6 March', 3, 6, null],
  ])('reads %s', (cell, month, day, year) => {
    expect(parseDateCell(cell)).toMatchObject({ month, day, year });
  });

  it('keeps the weekday written next to the date', () => {
    expect(parseDateCell('Tue 9/3')).toEqual({ month: 9, day: 3, year: null, weekday: 2 });
  });

  it('sees no date in "Week 3", "TBD", an empty cell or a bold unit title', () => {
    for (const cell of ['Week 3', 'TBD', '', '**GenAI Basics**', '13/40'])
      expect(parseDateCell(cell)).toBeNull();
  });

  it('knows weekdays by arithmetic', () => {
    expect(weekdayOfIso('2024-12-07')).toBe(6);
    expect(weekdayOfIso('2024-08-26')).toBe(1);
    expect(weekdayOfIso('2000-02-29')).toBe(2);
    expect(weekdayOfIso('1969-12-31')).toBe(3);
  });
});

describe('times and meeting patterns', () => {
  it.each([
    ['9:30 AM – 10:45 AM', '09:30', '10:45'],
    ['2:00-3:15 PM', '14:00', '15:15'],
    ['14:00–15:15', '14:00', '15:15'],
    ['(10:30AM - 12PM)', '10:30', '12:00'],
    ['11:00-12:15 PM', '11:00', '12:15'],
    ['3:30-4:45pm', '15:30', '16:45'],
    ['2:00 to 3:15', '14:00', '15:15'],
  ])('reads the range %s', (text, start, end) => {
    expect(findTimeRange(text)).toMatchObject({ start, end });
  });

  it('does not take dates or page ranges for times', () => {
    expect(findTimeRange('groups of 2-3')).toBeNull();
    expect(findTimeRange('Sec 1-4')).toBeNull();
    expect(findTimeRange('9/3-9/5')).toBeNull();
  });

  it.each([
    ['MW: 9:30 AM – 10:45 AM', [1, 3]],
    ['TTh 2:00-3:15 PM', [2, 4]],
    ['TuTh 11:00 AM - 12:15 PM', [2, 4]],
    ['Tuesday/Thursday 14:00–15:15', [2, 4]],
    ['Mon, Wed 9:00-10:15', [1, 3]],
    ['MWF 10:00–10:50 AM', [1, 3, 5]],
    ['TR 9:30-10:45', [2, 4]],
    ['Tuesdays and Thursdays 2-3:15pm', [2, 4]],
  ])('reads the days of %s', (text, days) => {
    const range = findTimeRange(text)!;
    expect(daysBefore(text, range.index)?.days).toEqual(days);
  });

  it('splits a lectures line into room and pattern', () => {
    expect(readWhenWhere('0216 Siebel Center for Computer Science, MW: 9:30 AM – 10:45 AM')).toEqual({
      location: '0216 Siebel Center for Computer Science',
      pattern: { days: [1, 3], startTime: '09:30', endTime: '10:45' },
    });
    expect(readWhenWhere('TTh 2:00-3:15 PM in 1302 Siebel')).toEqual({
      location: '1302 Siebel',
      pattern: { days: [2, 4], startTime: '14:00', endTime: '15:15' },
    });
  });
});
