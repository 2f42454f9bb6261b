//! Publication stamps, meeting dates and deadlines in the shapes provincial
//! sites write them, each in a short text written for the test.

mod common;

use common::facts_of;
use tinhuy::extract::ArticleFacts;

fn published(f: &ArticleFacts) -> Option<String> {
    f.published.map(|d| d.to_string())
}

fn meeting_date(f: &ArticleFacts) -> Option<String> {
    f.meeting.date.map(|d| d.to_string())
}

#[test]
fn a_metadata_date_glued_to_the_headline_is_the_publication_day() {
    let f = facts_of(
        " date 2025-08-25 Hội nghị Ban Thường vụ Tỉnh ủy\n\nNgày 25/8, Ban Thường vụ Tỉnh ủy họp cho ý kiến các nội dung.\n",
    );
    assert_eq!(published(&f).as_deref(), Some("2025-08-25"));
    assert_eq!(meeting_date(&f).as_deref(), Some("2025-08-25"));
}

#[test]
fn a_month_only_metadata_date_gives_the_year_of_this_morning() {
    let f = facts_of(
        " date 2023-04 Sáng nay 6/4, Tỉnh ủy tổ chức Hội nghị lần thứ 11 đánh giá công tác quý I.\n",
    );
    assert_eq!(published(&f), None);
    assert_eq!(meeting_date(&f).as_deref(), Some("2023-04-06"));
}
