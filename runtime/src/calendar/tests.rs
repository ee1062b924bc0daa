//! Tests of the working-day calendar against the vectors of `shared/domain/deadlines.md` §4 and §6.

use super::*;

fn d(text: &str) -> NaiveDate {
    match parse_date(text) {
        Ok(date) => date,
        Err(e) => panic!("{e}"),
    }
}

fn cal() -> Calendar {
    match Calendar::official() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn official_data_parses_and_cites_its_notices() {
    let cal = cal();
    let years: Vec<(i32, &str, String)> = cal
        .years()
        .map(|y| (y.year, y.notice.as_str(), y.issued.to_string()))
        .collect();
    assert_eq!(
        years,
        vec![
            (2024, "国办发明电〔2023〕7号", "2023-10-25".to_owned()),
            (2025, "国办发明电〔2024〕12号", "2024-11-12".to_owned()),
            (2026, "国办发明电〔2025〕7号", "2025-11-04".to_owned()),
        ]
    );
    assert!(cal.years().all(|y| !y.sources.is_empty()));
}

#[test]
fn totals_per_year() {
    let cal = cal();
    for (year, off, make_up) in [(2024, 28, 8), (2025, 28, 5), (2026, 33, 6)] {
        assert_eq!(cal.holidays_in(year).count(), off, "{year} off days");
        assert_eq!(
            cal.make_up_workdays_in(year).count(),
            make_up,
            "{year} make-up days"
        );
    }
}

#[test]
fn counting_vectors() {
    let cal = cal();
    let cases = [
        ("2025-09-26", 20, "2025-10-30"),
        ("2026-02-13", 5, "2026-02-27"),
        ("2025-12-31", 3, "2026-01-06"),
        ("2024-09-27", 5, "2024-10-10"),
        ("2025-01-24", 1, "2025-01-26"),
        ("2025-01-25", 1, "2025-01-26"),
        ("2026-02-14", 1, "2026-02-24"),
        ("2026-09-18", 10, "2026-10-09"),
        ("2024-02-08", 20, "2024-03-13"),
        ("2025-01-02", 45, "2025-03-12"),
        ("2025-01-02", 60, "2025-04-02"),
        // The example: the third working day is a make-up Saturday.
        ("2026-09-30", 3, "2026-10-10"),
    ];
    for (start, n, due) in cases {
        assert_eq!(cal.add_workdays(d(start), n), Ok(d(due)), "{start} +{n}");
        assert_eq!(
            cal.workdays_between(d(start), d(due)),
            Ok(i64::from(n)),
            "{start}..{due}"
        );
    }
}

#[test]
fn zero_days_returns_the_start_even_on_a_holiday() {
    let cal = cal();
    for start in ["2026-10-01", "2026-10-10", "2026-03-04", "2026-03-07"] {
        assert_eq!(cal.add_workdays(d(start), 0), Ok(d(start)));
    }
}

#[test]
fn weekends() {
    let cal = cal();
    // An ordinary week in March 2026: Mon 03-02 to Sun 03-08.
    let expected = [true, true, true, true, true, false, false];
    for (offset, workday) in expected.iter().enumerate() {
        let date = d("2026-03-02") + chrono::Days::new(offset as u64);
        assert_eq!(cal.is_workday(date), Ok(*workday), "{date}");
    }
    // A due date never lands on an ordinary weekend: Friday + 1 is Monday.
    assert_eq!(cal.add_workdays(d("2026-03-06"), 1), Ok(d("2026-03-09")));
    assert_eq!(cal.add_workdays(d("2026-03-07"), 1), Ok(d("2026-03-09")));
}

#[test]
fn every_2026_holiday_and_make_up_day() {
    let cal = cal();
    let ranges = [
        ("2026-01-01", "2026-01-03"),
        ("2026-02-15", "2026-02-23"),
        ("2026-04-04", "2026-04-06"),
        ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"),
        ("2026-09-25", "2026-09-27"),
        ("2026-10-01", "2026-10-07"),
    ];
    let mut off = Vec::new();
    for (first, last) in ranges {
        off.extend(d(first).iter_days().take_while(|x| *x <= d(last)));
    }
    assert_eq!(off.len(), 33);
    assert_eq!(cal.holidays_in(2026).collect::<Vec<_>>(), off);
    for date in &off {
        assert_eq!(cal.is_workday(*date), Ok(false), "{date}");
    }
    let make_up: Vec<NaiveDate> = [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ]
    .iter()
    .map(|s| d(s))
    .collect();
    assert_eq!(cal.make_up_workdays_in(2026).collect::<Vec<_>>(), make_up);
    for date in &make_up {
        assert_eq!(cal.is_workday(*date), Ok(true), "{date}");
        assert!(
            matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
            "{date}"
        );
    }
    // Swapped weekdays (in_lieu_days) are off.
    for date in [
        "2026-01-02",
        "2026-02-20",
        "2026-02-23",
        "2026-05-05",
        "2026-10-06",
        "2026-10-07",
    ] {
        assert_eq!(cal.is_workday(d(date)), Ok(false), "{date}");
    }
    // The 2026 total of working days: 365 days, 104 weekend days, 33 off (14 of them on weekends), 6 make-up.
    assert_eq!(
        cal.workdays_between(d("2025-12-31"), d("2026-12-31")),
        Ok(365 - 104 - (33 - 14) + 6)
    );
}

#[test]
fn due_date_across_the_2026_spring_festival() {
    let cal = cal();
    // Accepted Thu 02-12: Fri 02-13 is day 1, make-up Sat 02-14 day 2, 02-15…02-23 off,
    // 02-24 day 3, 02-25 day 4, 02-26 day 5, 02-27 day 6, make-up Sat 02-28 day 7.
    assert_eq!(cal.add_workdays(d("2026-02-12"), 7), Ok(d("2026-02-28")));
    assert_eq!(cal.add_workdays(d("2026-02-12"), 8), Ok(d("2026-03-02")));
    // A legal 20-day limit from the same date: day 8 is Mon 03-02, so day 20 is Wed 03-18.
    assert_eq!(cal.add_workdays(d("2026-02-12"), 20), Ok(d("2026-03-18")));
    assert_eq!(
        cal.workdays_between(d("2026-02-14"), d("2026-02-23")),
        Ok(0)
    );
}

#[test]
fn years_without_data_are_estimated_on_weekends_and_say_so() {
    let cal = cal();
    // 2027-01-01 is a Friday: without the notice it counts as a working day, flagged as estimated.
    assert_eq!(cal.is_workday(d("2027-01-01")), Ok(true));
    assert_eq!(cal.is_workday(d("2027-01-02")), Ok(false));
    assert_eq!(cal.add_workdays(d("2027-01-04"), 0), Ok(d("2027-01-04")));
    assert_eq!(cal.add_workdays(d("2027-01-04"), 5), Ok(d("2027-01-11")));
    assert_eq!(cal.is_workday(d("2023-12-29")), Ok(true));
    // A computation that runs past 2026-12-31 goes on with weekends only.
    assert_eq!(cal.add_workdays(d("2026-12-25"), 10), Ok(d("2027-01-08")));
    assert_eq!(
        cal.workdays_between(d("2026-12-01"), d("2027-01-05")),
        Ok(25)
    );
    assert_eq!(
        cal.due_with_pauses(
            d("2026-12-01"),
            5,
            &[Pause {
                from: d("2026-12-02"),
                to: d("2026-12-31")
            }]
        ),
        Ok(d("2027-01-06"))
    );
    // Which answers are estimates: any that looked at a year without data.
    assert_eq!(cal.estimate(d("2026-01-05"), d("2026-12-31")), None);
    let e = cal.estimate(d("2027-01-05"), d("2025-12-01"));
    assert_eq!(e.as_ref().map(|e| e.years.clone()), Some(vec![2027]));
    assert!(e.is_some_and(|e| e.reason.contains("估算") && e.reason.contains("2027 年")));
    let both = Estimate::merge(&[
        cal.estimate(d("2023-12-01"), d("2024-01-02")),
        None,
        cal.estimate(d("2027-01-01"), d("2028-01-01")),
    ]);
    assert_eq!(both.map(|e| e.years), Some(vec![2023, 2027, 2028]));
    // Outside the estimated years nothing is counted.
    let y2200 = OutOfCoverage { year: 2200 };
    assert_eq!(cal.is_workday(d("2200-01-01")), Err(y2200));
    assert_eq!(cal.add_workdays(d("2024-01-02"), u32::MAX), Err(y2200));
    assert!(y2200.to_string().contains("2200"));
    assert_eq!(
        cal.is_workday(d("1899-12-29")),
        Err(OutOfCoverage { year: 1899 })
    );
}

#[test]
fn an_installed_year_makes_its_dates_exact() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let write = |name: &str, text: &str| {
        if let Err(e) = std::fs::write(dir.path().join(name), text) {
            panic!("{e}");
        }
    };
    write(
        "2027.txt",
        "year 2027\nnotice 测试用通知\nissued 2026-11-20\nholiday 2027-01-01 元旦\n",
    );
    // Ignored: an embedded year (the program's data wins), and names that are not YYYY.txt.
    write("2026.txt", "year 2026\nnotice 另一份\nissued 2025-11-04\n");
    write("notes.txt", "not a year file");
    let cal = match Calendar::installed(dir.path()) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(cal.is_workday(d("2027-01-01")), Ok(false));
    assert_eq!(cal.estimate(d("2026-12-25"), d("2027-01-11")), None);
    assert_eq!(cal.add_workdays(d("2026-12-25"), 10), Ok(d("2027-01-11")));
    let sources: Vec<(i32, bool)> = cal
        .years()
        .map(|y| (y.year, y.installed.is_some()))
        .collect();
    assert_eq!(
        sources,
        vec![(2024, false), (2025, false), (2026, false), (2027, true)]
    );
    // A misnamed or broken file is an error naming it, never silently skipped.
    write("2028.txt", "year 2029\nnotice x\nissued 2028-11-01\n");
    let e = Calendar::installed(dir.path())
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert!(matches!(&e, Err(m) if m.contains("2028.txt")), "{e:?}");
    write("2028.txt", "year 2028\nnotice x\n");
    assert!(Calendar::installed(dir.path()).is_err());
    // A missing directory adds nothing.
    let none = Calendar::installed(&dir.path().join("missing"));
    assert_eq!(none.map(|c| c.covers(2027)), Ok(false));
}

#[test]
fn between_is_antisymmetric_and_additive() {
    let cal = cal();
    let (a, b, c) = (d("2024-02-08"), d("2025-06-30"), d("2026-10-10"));
    let ab = cal.workdays_between(a, b);
    assert_eq!(cal.workdays_between(b, a).map(|x| -x), ab);
    let sum = cal
        .workdays_between(a, b)
        .and_then(|x| Ok(x + cal.workdays_between(b, c)?));
    assert_eq!(sum, cal.workdays_between(a, c));
    assert_eq!(cal.workdays_between(a, a), Ok(0));
    assert_eq!(
        cal.workdays_between(d("2025-09-26"), d("2025-09-22")),
        Ok(-4)
    );
}

#[test]
fn pause_vectors() {
    let cal = cal();
    let pause = |from: &str, to: &str| Pause {
        from: d(from),
        to: d(to),
    };
    assert_eq!(
        cal.due_with_pauses(d("2025-04-01"), 20, &[]),
        Ok(d("2025-04-29"))
    );
    assert_eq!(
        cal.due_with_pauses(d("2025-04-01"), 20, &[pause("2025-04-10", "2025-04-17")]),
        Ok(d("2025-05-09"))
    );
    assert_eq!(
        cal.due_with_pauses(d("2025-09-22"), 10, &[]),
        Ok(d("2025-10-11"))
    );
    assert_eq!(
        cal.due_with_pauses(d("2025-09-22"), 10, &[pause("2025-09-25", "2025-10-10")]),
        Ok(d("2025-10-20"))
    );
    // 6 working days are used by 04-10, 5 are excluded.
    assert_eq!(
        cal.workdays_between(d("2025-04-01"), d("2025-04-10")),
        Ok(6)
    );
    assert_eq!(
        cal.workdays_between(d("2025-04-10"), d("2025-04-17")),
        Ok(5)
    );
}

#[test]
fn pause_edge_cases() {
    let cal = cal();
    let pause = |from: &str, to: &str| Pause {
        from: d(from),
        to: d(to),
    };
    let start = d("2025-04-01");
    // Same-day pause excludes nothing.
    assert_eq!(
        cal.due_with_pauses(start, 20, &[pause("2025-04-10", "2025-04-10")]),
        Ok(d("2025-04-29"))
    );
    // Overlapping pauses exclude their union.
    assert_eq!(
        cal.due_with_pauses(
            start,
            20,
            &[
                pause("2025-04-10", "2025-04-15"),
                pause("2025-04-14", "2025-04-17")
            ]
        ),
        Ok(d("2025-05-09"))
    );
    // A pause after the due date changes nothing; budget 0 is the start.
    assert_eq!(
        cal.due_with_pauses(start, 20, &[pause("2025-06-01", "2025-06-30")]),
        Ok(d("2025-04-29"))
    );
    assert_eq!(
        cal.due_with_pauses(start, 0, &[pause("2025-04-01", "2025-04-30")]),
        Ok(start)
    );
    let inverted = pause("2025-04-17", "2025-04-10");
    assert_eq!(
        cal.due_with_pauses(start, 20, &[inverted]),
        Err(PauseError::Inverted(inverted))
    );
}

#[test]
fn overlays_add_off_days() {
    let overlay = "# 某自治区 2026 年民族节日\nnotice 测试通知\nholiday 2026-05-27..2026-05-28 古尔邦节\nholiday 2026-10-10 本地闭馆\n";
    let cal = match cal().with_named_overlay("test-overlay.txt", overlay) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(cal.is_workday(d("2026-05-27")), Ok(false));
    assert_eq!(cal.label(d("2026-05-27")), Some("古尔邦节"));
    // An overlay off day beats a national make-up workday.
    assert_eq!(cal.is_workday(d("2026-10-10")), Ok(false));
    assert_eq!(cal.add_workdays(d("2026-05-26"), 1), Ok(d("2026-05-29")));
    // The official totals are unchanged.
    assert_eq!(cal.holidays_in(2026).count(), 33);
}

#[test]
fn overlay_errors() {
    let bad = [
        "holiday 2027-01-04 x\n",
        "workday 2026-05-30 x\n",
        "holiday 2026-02-30 x\n",
        "bogus line\n",
    ];
    for text in bad {
        assert!(cal().with_overlay(text).is_err(), "{text}");
    }
    let msg = cal()
        .with_named_overlay("o.txt", "x\nholiday 2026-13-01\n")
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        msg,
        Some("节假日数据文件 o.txt 第 1 行：未知的关键字“x”".to_owned())
    );
}

#[test]
fn duplicate_years_are_refused() {
    let text = "year 2026\nnotice N\nissued 2025-11-04\n";
    let result = Calendar::from_year_files(&[("a", text), ("b", text)]);
    assert_eq!(result, Err(CalendarError::DuplicateYear { year: 2026 }));
}

#[test]
fn labels() {
    let cal = cal();
    assert_eq!(cal.label(d("2026-02-16")), Some("春节"));
    assert_eq!(cal.label(d("2025-10-06")), Some("中秋节"));
    assert_eq!(cal.label(d("2024-10-12")), Some("国庆节"));
    assert_eq!(cal.label(d("2026-03-02")), None);
    // 除夕 2024 is a working day in the data.
    assert_eq!(cal.is_workday(d("2024-02-09")), Ok(true));
}
