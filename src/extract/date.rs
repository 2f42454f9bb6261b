//! Calendar dates as articles write them: full days, and the month- or
//! year-only dates deadlines use ("giữa tháng 12/2020").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to the day, month or year. Orders chronologically, with a
/// less precise date before the more precise ones inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// A full date, or `None` when the day does not exist.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month as u8) as u32 {
            return None;
        }
        if !(1900..=2100).contains(&year) {
            return None;
        }
        Some(Date {
            year,
            month: Some(month as u8),
            day: Some(day as u8),
        })
    }

    pub fn ym(year: i32, month: u32) -> Option<Date> {
        ((1..=12).contains(&month) && (1900..=2100).contains(&year)).then_some(Date {
            year,
            month: Some(month as u8),
            day: None,
        })
    }

    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// Days since 1970-01-01 of the first day this date covers.
    pub fn days(&self) -> i64 {
        let (y, m, d) = (
            self.year as i64,
            self.month.unwrap_or(1) as i64,
            self.day.unwrap_or(1) as i64,
        );
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The full date `n` days after this one (before, when negative).
    pub fn add_days(&self, n: i64) -> Date {
        let z = self.days() + n + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        Date {
            year: y as i32,
            month: Some(m as u8),
            day: Some(d as u8),
        }
    }

    /// The UTC day of a Unix time in seconds.
    pub fn from_unix_seconds(secs: u64) -> Date {
        let epoch = Date::ymd(1970, 1, 1).expect("a real day");
        epoch.add_days((secs / 86_400) as i64)
    }

    /// The last day this date covers: a month or a year means its last day
    /// ("2023-10" → 2023-10-31).
    pub fn last_day(&self) -> Date {
        match (self.month, self.day) {
            (_, Some(_)) => *self,
            (Some(m), None) => {
                let next = if m == 12 {
                    Date::ymd(self.year + 1, 1, 1)
                } else {
                    Date::ymd(self.year, u32::from(m) + 1, 1)
                };
                next.map_or(*self, |n| n.add_days(-1))
            }
            (None, _) => Date::ymd(self.year, 12, 31).unwrap_or(*self),
        }
    }

    /// Whether `other` falls inside the period this date covers.
    pub fn covers(&self, other: &Date) -> bool {
        self.year == other.year
            && self.month.is_none_or(|m| other.month == Some(m))
            && self.day.is_none_or(|d| other.day == Some(d))
    }
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Stores and JSON write a date for every post and meeting: the
        // common shape is written in one piece, without formatting each
        // number.
        let mut buf = [0u8; 10];
        if let Some(n) = self.iso_digits(&mut buf) {
            return f.write_str(std::str::from_utf8(&buf[..n]).expect("ASCII digits"));
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Date {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` written into `buf`, and its
    /// length, for a year of four digits and a month and day of at most
    /// two; None otherwise.
    fn iso_digits(&self, buf: &mut [u8; 10]) -> Option<usize> {
        let year = u32::try_from(self.year).ok().filter(|&y| y < 10_000)?;
        put_digits(&mut buf[..4], year);
        let mut n = 4;
        for part in [self.month, self.month.and(self.day)].into_iter().flatten() {
            if part >= 100 {
                return None;
            }
            buf[n] = b'-';
            put_digits(&mut buf[n + 1..n + 3], u32::from(part));
            n += 3;
        }
        Some(n)
    }
}

/// `n` in `out.len()` decimal digits, zero-padded.
fn put_digits(out: &mut [u8], mut n: u32) {
    for d in out.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

impl FromStr for Date {
    type Err = String;
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and also `D/M/YYYY`.
    fn from_str(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let bad = || format!("not a date: {s:?} (expected YYYY-MM-DD, YYYY-MM or YYYY)");
        let nums: Vec<&str> = s.split(['-', '/', '.']).collect();
        let n = |x: &str| x.parse::<u32>().map_err(|_| bad());
        match nums.as_slice() {
            [y] if y.len() == 4 => {
                let year = n(y)? as i32;
                (1900..=2100)
                    .contains(&year)
                    .then_some(Date {
                        year,
                        month: None,
                        day: None,
                    })
                    .ok_or_else(bad)
            }
            [y, m] if y.len() == 4 => Date::ym(n(y)? as i32, n(m)?).ok_or_else(bad),
            [y, m, d] if y.len() == 4 => Date::ymd(n(y)? as i32, n(m)?, n(d)?).ok_or_else(bad),
            [d, m, y] if y.len() == 4 => Date::ymd(n(y)? as i32, n(m)?, n(d)?).ok_or_else(bad),
            _ => Err(bad()),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_display_as_numbers_formatted_do() {
        let plain = |d: &Date| {
            let mut s = format!("{:04}", d.year);
            if let Some(m) = d.month {
                s += &format!("-{m:02}");
                if let Some(day) = d.day {
                    s += &format!("-{day:02}");
                }
            }
            s
        };
        let parts = [
            None,
            Some(0),
            Some(1),
            Some(9),
            Some(10),
            Some(12),
            Some(99),
            Some(100),
            Some(255),
        ];
        for year in [-5, 0, 7, 99, 2025, 9999, 10_000, 123_456] {
            for month in parts {
                for day in parts {
                    let d = Date { year, month, day };
                    assert_eq!(d.to_string(), plain(&d), "{d:?}");
                }
            }
        }
        assert_eq!(Date::ymd(2025, 7, 1).unwrap().to_string(), "2025-07-01");
    }

    #[test]
    fn display_and_parse() {
        assert_eq!(Date::ymd(2020, 11, 10).unwrap().to_string(), "2020-11-10");
        assert_eq!(Date::ym(2020, 12).unwrap().to_string(), "2020-12");
        assert_eq!(
            "2020-12".parse::<Date>().unwrap(),
            Date::ym(2020, 12).unwrap()
        );
        assert_eq!(
            "5/11/2020".parse::<Date>().unwrap(),
            Date::ymd(2020, 11, 5).unwrap()
        );
        assert!("2020-02-30".parse::<Date>().is_err());
        assert!("nonsense".parse::<Date>().is_err());
    }

    #[test]
    fn day_arithmetic() {
        let d = Date::ymd(2020, 3, 1).unwrap();
        assert_eq!(d.add_days(-1).to_string(), "2020-02-29");
        assert_eq!(Date::ymd(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(d.add_days(306).to_string(), "2021-01-01");
    }

    #[test]
    fn last_days() {
        let last = |s: &str| s.parse::<Date>().unwrap().last_day().to_string();
        assert_eq!(last("2020-02"), "2020-02-29");
        assert_eq!(last("2020"), "2020-12-31");
        assert_eq!(last("2020-12"), "2020-12-31");
        assert_eq!(last("2020-12-03"), "2020-12-03");
    }

    #[test]
    fn ordering_and_cover() {
        let m = Date::ym(2020, 12).unwrap();
        let d = Date::ymd(2020, 12, 3).unwrap();
        assert!(m < d);
        assert!(m.covers(&d));
        assert!(!d.covers(&m));
    }
}
