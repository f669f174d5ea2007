// xsd:dateTime as TR-069/TR-181 use it: `2024-02-29T13:05:00Z`, optional fraction and offset.
// TR-069 writes "unknown" as 0001-01-01T00:00:00Z, which is a valid value here.
const dateTimePattern =
  /^(-?(?:[1-9][0-9]{4,}|[0-9]{4}))-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

const isLeapYear = (year: number): boolean => {
  // xsd 1.0 has no year 0: -0001 is 1 BCE, a leap year in the proleptic calendar.
  const y = year < 0 ? year + 1 : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
};

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

export const isXsdDateTime = (value: string): boolean => {
  const match = dateTimePattern.exec(value);
  if (!match) return false;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, zone] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText);
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const endOfDay = hour === 24 && minute === 0 && second === 0 && (fraction === undefined || /^\.0+$/.test(fraction));
  if (!endOfDay && (hour > 23 || minute > 59 || second > 59)) return false;
  if (zone !== undefined && zone !== 'Z') {
    const [zoneHours, zoneMinutes] = zone.slice(1).split(':').map(Number) as [number, number];
    if (zoneMinutes > 59 || zoneHours > 14 || (zoneHours === 14 && zoneMinutes !== 0)) return false;
  }
  return true;
};
