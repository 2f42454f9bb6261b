//! The meeting day as leads write it and the year it takes: written, from
//! the page stamp, or from the article's own cues; each on a short text
//! written for the test.

mod common;

use common::facts_of;
use tinhuy::extract::ArticleFacts;

fn published(f: &ArticleFacts) -> Option<String> {
    f.published.map(|d| d.to_string())
}

/// The meeting date with where its year came from.
fn dated(f: &ArticleFacts) -> Option<(String, String)> {
    let d = f.meeting.date?;
    Some((d.to_string(), f.meeting.year_from.clone()?))
}

fn pair(d: &str, from: &str) -> Option<(String, String)> {
    Some((d.to_string(), from.to_string()))
}

#[test]
fn a_print_stamp_with_a_button_word_is_the_publication_time() {
    let f = facts_of(
        "Print Thứ Năm, 12/03/2020 09:15 Gốc\n\nSáng 11-3, Ban Thường vụ Thành ủy tổ chức hội nghị sơ kết công tác quý I.\n",
    );
    assert_eq!(published(&f).as_deref(), Some("2020-03-12"));
    assert_eq!(dated(&f), pair("2020-03-11", "published"));
}

#[test]
fn a_stamp_glued_to_the_lead_is_read_apart_from_it() {
    let f = facts_of(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 9\n10/11/2022Ngày 9/11, Ban Thường vụ Tỉnh ủy tổ chức hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 9.\n",
    );
    assert_eq!(published(&f).as_deref(), Some("2022-11-10"));
    assert_eq!(dated(&f), pair("2022-11-09", "published"));
}

#[test]
fn a_site_date_line_above_the_headline_is_not_the_article_stamp() {
    let f = facts_of(
        "Thứ hai 02/03/2026 08:10\nLiên hệ quảng cáo\n\nBế mạc Đại hội đại biểu Đảng bộ huyện lần thứ XX\n\n20/07/2020 16:05\nChiều nay 20/7, Đại hội đại biểu Đảng bộ huyện lần thứ XX đã bế mạc sau hai ngày làm việc.\n",
    );
    assert_eq!(published(&f).as_deref(), Some("2020-07-20"));
    assert_eq!(dated(&f), pair("2020-07-20", "published"));
}

#[test]
fn a_day_in_brackets_after_this_morning() {
    let f = facts_of(
        "Hội nghị Tỉnh ủy lần thứ 6\n\nSáng nay (14/6), Tỉnh ủy khai mạc Hội nghị lần thứ 6 theo Kết luận số 9 ngày 2/6/2022 của Ban Bí thư.\n",
    );
    assert_eq!(dated(&f), pair("2022-06-14", "context"));
    let f = facts_of(
        "Làm việc với Ban Thường vụ Tỉnh ủy\n\nHôm nay (3/8), đoàn công tác làm việc với Ban Thường vụ Tỉnh ủy nhân kỷ niệm (3/8/1945 - 3/8/2021).\n",
    );
    assert_eq!(dated(&f), pair("2021-08-03", "context"));
}

#[test]
fn a_two_day_meeting_is_dated_by_its_first_day() {
    let f = facts_of(
        "Đại hội Đảng bộ xã lần thứ I\n\nTrong 2 ngày 9 và 10/8, Đảng bộ xã tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.\n",
    );
    assert_eq!(dated(&f), pair("2025-08-09", "context"));
}

#[test]
fn a_date_in_words_after_a_part_of_the_day() {
    let f = facts_of(
        "Hội nghị Ban Thường vụ Đảng ủy xã\n\nChiều ngày 04 tháng 11 năm 2025, Ban Thường vụ Đảng ủy xã tổ chức hội nghị thường kỳ.\n",
    );
    assert_eq!(dated(&f), pair("2025-11-04", "text"));
}

#[test]
fn a_date_opening_a_clause_after_a_short_lead_in() {
    let f = facts_of(
        "Bầu Ban Thường vụ Tỉnh ủy khóa mới\n\nTheo đó, chiều ngày 16/10, Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020 - 2025 tổ chức phiên họp lần thứ nhất để bầu Ban Thường vụ.\n",
    );
    assert_eq!(dated(&f), pair("2020-10-16", "context"));
    // A date inside a clause that goes on is about something else.
    let f = facts_of(
        "Hội nghị Tỉnh ủy\n\nTỉnh ủy quán triệt Thông báo số 5, ngày 9/8/2021 về phòng chống tham nhũng.\n",
    );
    assert_eq!(dated(&f), None);
}

#[test]
fn a_lead_glued_to_the_headline_opens_on_its_capital() {
    let f = facts_of(
        " date 2024-03 Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15 Chiều 12/3, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 15.\n",
    );
    assert_eq!(dated(&f), pair("2024-03-12", "published"));
}

#[test]
fn the_month_of_a_periodic_session_gives_the_year() {
    let f = facts_of(
        "Phiên họp thường kỳ\n\n0:00 / 0:00\n0:00\nGiọng nam\nGiọng nữ\n(Baoabc.vn) - Chủ tịch UBND tỉnh yêu cầu các ngành hoàn thành nhiệm vụ trong tháng 10.\n\nChiều 28/9, UBND tỉnh tổ chức phiên họp thường kỳ tháng 9/2021.\n",
    );
    assert_eq!(dated(&f), pair("2021-09-28", "context"));
}

#[test]
fn the_months_a_monthly_meeting_reports_on_give_the_year() {
    let monthly = |lead: &str, body: &str| {
        facts_of(&format!(
            "Phiên họp thành viên UBND tỉnh\n\n{lead}\n\nCác thành viên đã thảo luận nhiều nội dung quan trọng.\n\n{body}\n"
        ))
    };
    // Last month's report and this month's programme, further down.
    let f = monthly(
        "Chiều 8/9, Chủ tịch UBND tỉnh chủ trì phiên họp thành viên UBND tỉnh.",
        "Phiên họp nghe báo cáo tình hình kinh tế - xã hội tháng 8/2025 và chương trình công tác tháng 9/2025.",
    );
    assert_eq!(dated(&f), pair("2025-09-08", "context"));
    // A January meeting on December's figures is in the year after them.
    let f = monthly(
        "Chiều 6/1, Chủ tịch UBND tỉnh chủ trì phiên họp thành viên UBND tỉnh.",
        "Phiên họp nghe báo cáo tình hình kinh tế - xã hội tháng 12/2024.",
    );
    assert_eq!(dated(&f), pair("2025-01-06", "context"));
    // Another month says nothing of the meeting's year.
    let f = monthly(
        "Chiều 8/9, Chủ tịch UBND tỉnh chủ trì phiên họp thành viên UBND tỉnh.",
        "Dự án khởi công từ tháng 3/2019 nay đã hoàn thành.",
    );
    assert_eq!(dated(&f), None);
}

#[test]
fn a_meeting_further_down_a_teaser_page() {
    let f = facts_of(
        "Nghị quyết đi vào cuộc sống ở vùng sâu, vùng xa của tỉnh suốt nhiều năm qua.\nTruyền thống cách mạng là niềm tự hào của cán bộ, đảng viên trong tỉnh.\nPhát huy tinh thần đoàn kết, thống nhất trong toàn Đảng bộ tỉnh.\nCông tác tuyên truyền cần có trọng tâm, trọng điểm rõ ràng.\nNgày 18/9, Tỉnh ủy tổ chức Hội nghị tổng kết Đại hội Đảng bộ cấp huyện nhiệm kỳ 2015- 2020.\n",
    );
    assert_eq!(dated(&f), pair("2015-09-18", "context"));
}

#[test]
fn a_meeting_date_on_the_line_after_a_hard_break() {
    let f = facts_of(
        "TỈNH ỦY\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-KL/TU\nHà Tĩnh, ngày 20 tháng 6 năm 2022\nKẾT LUẬN\nHỘI NGHỊ LẦN THỨ TÁM\nHội nghị lần thứ tám Ban Chấp hành Đảng bộ tỉnh họp\nngày 3/6/2022 đã thảo luận Tờ trình của Ban Thường vụ Tỉnh ủy và kết luận:\n",
    );
    assert_eq!(dated(&f), pair("2022-06-03", "text"));
}

#[test]
fn a_notice_issued_about_a_meeting_is_dated_by_the_meeting() {
    let f = facts_of(
        "Thông báo kết luận của Thường trực Tỉnh ủy\n\nNgày 12/6/2023, Tỉnh ủy ban hành Thông báo số 10/TB-TU về kết luận của Thường trực Tỉnh ủy tại hội nghị ngày 6/6/2023.\n",
    );
    assert_eq!(dated(&f), pair("2023-06-06", "text"));
}

#[test]
fn a_meeting_named_with_its_date_at_the_end_of_the_lead() {
    let f = facts_of(
        "Thứ Hai, 11/05/2015, 09:00 [GMT+7]\n\n(ABC) - Phát biểu kết luận của đồng chí Phó Bí thư Thường trực Tỉnh ủy tại Hội nghị sơ kết công tác đại hội điểm, nhiệm kỳ 2015-2020, ngày 8-5-2015.\n",
    );
    assert_eq!(dated(&f), pair("2015-05-08", "text"));
    // A document between the meeting and the date dates the document.
    let f = facts_of(
        "Tỉnh ủy tổ chức hội nghị quán triệt Nghị quyết số 5 ngày 2/3/2023 của Bộ Chính trị.\n",
    );
    assert_eq!(dated(&f), None);
}

#[test]
fn a_quarter_of_a_year_in_the_lead_gives_the_year_nearest_it() {
    let f = facts_of(
        "Giao ban quý I\n\nNgày 19/4, đồng chí Lê Văn An, Chủ tịch HĐND tỉnh chủ trì cuộc họp giao ban với Mặt trận tỉnh quý I/2024.\n",
    );
    assert_eq!(dated(&f), pair("2024-04-19", "context"));
    let f = facts_of(
        "Giao ban quý IV\n\nNgày 12/1, Thường trực Tỉnh ủy chủ trì cuộc họp giao ban quý IV/2023 với các ban đảng.\n",
    );
    assert_eq!(dated(&f), pair("2024-01-12", "context"));
}

#[test]
fn a_part_of_the_day_opens_a_clause_after_a_long_lead_in() {
    let f = facts_of(
        "Bế mạc Đại hội đại biểu Đảng bộ tỉnh lần thứ XX\n\nSau 3 ngày làm việc khẩn trương, nghiêm túc với tinh thần trách nhiệm cao, chiều 17/9/2025, Đại hội đại biểu Đảng bộ tỉnh lần thứ XX đã bế mạc.\n",
    );
    assert_eq!(dated(&f), pair("2025-09-17", "text"));
    // Without its part of the day, a date that far in is about something
    // else.
    let f = facts_of(
        "Hội nghị Ban Thường vụ Tỉnh ủy\n\nThực hiện kế hoạch của Ban Thường vụ Tỉnh ủy về kiểm tra, giám sát năm nay, ngày 17/9/2025, đoàn kiểm tra đã làm việc.\n",
    );
    assert_eq!(dated(&f), None);
}

#[test]
fn a_day_in_brackets_after_last_evening() {
    let f = facts_of(
        "Bầu Bí thư Tỉnh ủy nhiệm kỳ 2015 - 2020\n\nChiều tối qua (23/9), Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2015 - 2020 đã bầu Ban Chấp hành Đảng bộ tỉnh.\n",
    );
    assert_eq!(dated(&f), pair("2015-09-23", "context"));
    let f = facts_of(
        "Hội nghị Ban Thường vụ Tỉnh ủy\n\n24/09/2020 08:00\nTối qua (23/9), Ban Thường vụ Tỉnh ủy họp cho ý kiến về công tác cán bộ.\n",
    );
    assert_eq!(dated(&f), pair("2020-09-23", "published"));
}

/// A meeting over a range of days ("Từ ngày 22-24/9", "từ ngày 22 đến
/// 24/9", "Từ ngày 30/9 đến ngày 2/10/2020") is dated by its first day, in
/// the year written after the last.
#[test]
fn a_meeting_over_a_range_of_days_is_dated_by_its_first() {
    for (lead, date, from) in [
        ("Từ ngày 22-24/9", "2020-09-22", "published"),
        ("Từ ngày 22 đến 24/9", "2020-09-22", "published"),
        ("Sáng ngày 22 – 24/9", "2020-09-22", "published"),
        ("Từ ngày 30/8 đến ngày 2/9/2019", "2019-08-30", "text"),
    ] {
        let f = facts_of(&format!(
            "Đại hội Đảng bộ tỉnh\n\nThứ 7, 26/09/2020 | 09:10\n\n{lead}, Đảng bộ tỉnh tổ chức Đại hội đại biểu lần thứ XIX.\n"
        ));
        assert_eq!(dated(&f), pair(date, from), "{lead}");
    }
    // "Từ ngày" with one day is when something takes effect.
    let f = facts_of(
        "Hội nghị Tỉnh ủy\n\nThứ 7, 26/09/2020 | 09:10\n\nTừ ngày 15/9, tỉnh áp dụng quy chế mới. Chiều 25/9, Ban Thường vụ Tỉnh ủy họp.\n",
    );
    assert_eq!(dated(&f), pair("2020-09-25", "published"));
}
