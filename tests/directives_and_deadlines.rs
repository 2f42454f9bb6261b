//! What a meeting directed, requested, assigned or decided, and by when:
//! one short article per shape, written for the test.

mod common;

use common::facts_of;
use tinhuy::extract::ArticleFacts;
use tinhuy::extract::people::Role;

/// A page with a headline, a stamp and the given body.
fn page(body: &str) -> String {
    format!(
        "Ban Thường vụ Tỉnh ủy họp bàn các nhiệm vụ trọng tâm\n\nThứ 3, 14/04/2026 | 09:10\n\n{body}\n"
    )
}

/// A page without any date of its own.
fn undated(body: &str) -> String {
    format!("Ban Thường vụ Tỉnh ủy họp bàn các nhiệm vụ trọng tâm\n\n{body}\n")
}

/// (speaker, deadline, text) of each conclusion.
fn listed(f: &ArticleFacts) -> Vec<(Option<String>, Option<String>, String)> {
    f.conclusions
        .iter()
        .map(|c| {
            (
                c.speaker.clone(),
                c.deadline.map(|d| d.to_string()),
                c.text.clone(),
            )
        })
        .collect()
}

/// The conclusion whose text holds `part`.
fn find<'a>(
    all: &'a [(Option<String>, Option<String>, String)],
    part: &str,
) -> &'a (Option<String>, Option<String>, String) {
    all.iter()
        .find(|c| c.2.contains(part))
        .unwrap_or_else(|| panic!("no conclusion holds {part:?}: {all:#?}"))
}

fn holds(f: &ArticleFacts, part: &str) -> bool {
    f.conclusions.iter().any(|c| c.text.contains(part))
}

#[test]
fn the_body_nearest_the_verb_decides() {
    let f = facts_of(&page(
        "Theo đó, tại Hội nghị Thường trực Tỉnh ủy ngày 10/4/2026, sau khi nghe báo cáo, ý kiến của các đại biểu dự Hội nghị, Thường trực Tỉnh ủy thống nhất kết luận như sau:\n\nTổ chức hội nghị sơ kết công tác cán bộ; rà soát quy hoạch cán bộ các cấp.",
    ));
    let all = listed(&f);
    let lead = find(&all, "thống nhất kết luận");
    assert_eq!(lead.0.as_deref(), Some("Thường trực Tỉnh ủy"));
    assert_eq!(
        find(&all, "rà soát quy hoạch").0.as_deref(),
        Some("Thường trực Tỉnh ủy")
    );
}

#[test]
fn a_body_named_with_its_term_elects() {
    let f = facts_of(&page(
        "Tại phiên họp lần thứ nhất, Ban Chấp hành Đảng bộ tỉnh khóa XV đã bầu Ban Thường vụ Tỉnh ủy gồm 15 đồng chí.\n\nBan Chấp hành Đảng bộ tỉnh khóa 20 gồm 53 ủy viên đã bầu Ủy ban Kiểm tra Tỉnh ủy gồm 9 đồng chí.\n\nVới tỷ lệ phiếu bầu đạt 100%, Ban Chấp hành Đảng bộ tỉnh khóa XV đã tín nhiệm bầu đồng chí Lê Văn Minh giữ chức Bí thư Tỉnh ủy.",
    ));
    let all = listed(&f);
    assert_eq!(
        find(&all, "gồm 15 đồng chí").0.as_deref(),
        Some("Ban Chấp hành Đảng bộ tỉnh khóa XV")
    );
    // "53 ủy viên" counts the members; it is not who elects.
    assert_eq!(
        find(&all, "gồm 9 đồng chí").0.as_deref(),
        Some("Ban Chấp hành Đảng bộ tỉnh khóa 20")
    );
    assert!(holds(&f, "tín nhiệm bầu đồng chí Lê Văn Minh"));
}

#[test]
fn agreements_on_numbers_and_submissions() {
    let f = facts_of(&page(
        "Đại hội cũng đã biểu quyết và thống nhất số lượng ứng cử Ban Chấp hành Đảng bộ tỉnh khóa mới là 50 đồng chí.\n\nCác đại biểu cơ bản nhất trí với các Tờ trình của Đảng ủy UBND tỉnh.\n\nĐại hội đã biểu quyết thông qua dự thảo Nghị quyết với 5 nhiệm vụ trọng tâm./.",
    ));
    assert!(holds(&f, "thống nhất số lượng ứng cử"));
    assert!(holds(&f, "nhất trí với các Tờ trình"));
    let all = listed(&f);
    let resolution = find(&all, "biểu quyết thông qua dự thảo");
    assert!(
        resolution.2.ends_with("nhiệm vụ trọng tâm"),
        "{}",
        resolution.2
    );
}

#[test]
fn personnel_and_organisation_decisions() {
    let f = facts_of(&page(
        "Theo đó, Ban Thường vụ Tỉnh ủy đã điều động, phân công ông Trần Văn An, Trưởng ban Dân vận Tỉnh ủy, giữ chức Trưởng ban Nội chính Tỉnh ủy.\n\nĐiều động, chỉ định ông Lê Văn Bình, Bí thư Huyện ủy, giữ chức Giám đốc Sở Nội vụ.\n\nThành lập Đảng bộ Công an tỉnh trên cơ sở hợp nhất hai Đảng bộ cũ.\n\nBan Chấp hành Đảng bộ tỉnh đã công bố quyết định kết thúc hoạt động các Đảng bộ cũ, thành lập 20 Đảng bộ xã mới.",
    ));
    let all = listed(&f);
    assert_eq!(
        find(&all, "điều động, phân công ông Trần Văn An")
            .0
            .as_deref(),
        Some("Ban Thường vụ Tỉnh ủy")
    );
    // Told without their body, after the body's first decision.
    assert_eq!(
        find(&all, "Điều động, chỉ định ông Lê Văn Bình")
            .0
            .as_deref(),
        Some("Ban Thường vụ Tỉnh ủy")
    );
    assert!(holds(&f, "Thành lập Đảng bộ Công an tỉnh"));
    assert!(holds(&f, "kết thúc hoạt động các Đảng bộ cũ, thành lập 20"));
}

#[test]
fn decisions_told_of_whom_they_bind() {
    let f = facts_of(&page(
        "Đồng chí Lê Văn Minh, Phó Bí thư Thường trực Tỉnh ủy, được bầu giữ chức Bí thư Tỉnh ủy.\n\nĐảng ủy UBND tỉnh được giao lãnh đạo UBND tỉnh xử lý các công việc tồn đọng.\n\nÔng Minh từng được điều động làm Phó Bí thư Tỉnh ủy năm 2016.\n\nCác tiểu ban đã làm tốt nhiệm vụ được giao và tập trung thực hiện kế hoạch.",
    ));
    let all = listed(&f);
    let elected = find(&all, "được bầu giữ chức Bí thư");
    // The one elected is not who decided.
    assert_eq!(elected.0, None);
    assert!(holds(&f, "được giao lãnh đạo UBND tỉnh"));
    assert!(!holds(&f, "từng được điều động"));
    assert!(!holds(&f, "nhiệm vụ được giao"));
}

#[test]
fn a_bodys_directive_runs_on_through_its_paragraphs() {
    let f = facts_of(&page(
        "Ban Thường vụ Tỉnh ủy yêu cầu các cấp, các ngành bắt tay ngay vào công việc sau Tết.\n\nQuang cảnh hội nghị (Ảnh: T.L.).\n\nĐối với những mốc thời gian cụ thể, từ nay đến hết tháng 6, tỉnh tập trung chuẩn bị các điều kiện phục vụ bầu cử.\n\nCác cơ quan, đơn vị khẩn trương rà soát nhiệm vụ tồn đọng để xử lý dứt điểm trong quý II.\n\nTrọng tâm trước mắt là tập trung cụ thể hóa các chỉ tiêu của Nghị quyết Đại hội.\n\nThời tiết những ngày qua thuận lợi cho sản xuất vụ xuân.",
    ));
    let all = listed(&f);
    for part in [
        "tập trung chuẩn bị các điều kiện",
        "khẩn trương rà soát nhiệm vụ tồn đọng",
        "tập trung cụ thể hóa các chỉ tiêu",
    ] {
        assert_eq!(
            find(&all, part).0.as_deref(),
            Some("Ban Thường vụ Tỉnh ủy"),
            "{part}"
        );
    }
    assert_eq!(find(&all, "đến hết tháng 6").1.as_deref(), Some("2026-06"));
    assert_eq!(find(&all, "trong quý II").1.as_deref(), Some("2026-06"));
    assert!(!holds(&f, "Ảnh"));
    assert!(!holds(&f, "Thời tiết"));
}

#[test]
fn a_page_that_opens_with_its_lead_keeps_the_leads_directive() {
    // No headline: the first line is the lead, a sentence with its period.
    let opens_with_lead = "Tại cuộc họp sáng nay, Chủ tịch UBND tỉnh Trần Văn Bình yêu cầu huyện Hòa Lạc phải khẩn trương truy vết các trường hợp tiếp xúc mới phát sinh.\n\nÔng Trần Văn Bình yêu cầu Sở Y tế mở thêm khu cách ly tập trung trong tuần này.\n";
    let all = listed(&facts_of(opens_with_lead));
    assert_eq!(
        find(&all, "khẩn trương truy vết").0.as_deref(),
        Some("Trần Văn Bình")
    );
    assert!(!find(&all, "mở thêm khu cách ly").2.is_empty());
    // A headline, without a period, is still no conclusion.
    let headlined = "Chủ tịch UBND tỉnh yêu cầu khẩn trương truy vết các trường hợp tiếp xúc\n\nÔng Trần Văn Bình yêu cầu Sở Y tế mở thêm khu cách ly tập trung trong tuần này.\n";
    let f = facts_of(headlined);
    assert!(holds(&f, "mở thêm khu cách ly"));
    assert!(!holds(&f, "khẩn trương truy vết"), "{:?}", listed(&f));
}

#[test]
fn a_caption_of_the_meeting_inside_a_directive_run_is_passed_over() {
    for caption in [
        "Các đại biểu dự Hội nghị.",
        "Quang cảnh hội nghị\nQuang cảnh hội nghị",
    ] {
        let f = facts_of(&page(&format!(
            "Sáng 14/4, Ban Thường vụ Tỉnh ủy họp.\n\nĐồng chí Lê Văn Chữ, Bí thư Tỉnh ủy yêu cầu các cấp ủy tập trung quán triệt, tuyên truyền sâu rộng kết quả hội nghị.\n\n{caption}\n\nCác đơn vị có liên quan khẩn trương phối hợp tham mưu tổ chức sơ kết giữa nhiệm kỳ.\n\nThời tiết những ngày qua thuận lợi cho sản xuất vụ xuân."
        )));
        let all = listed(&f);
        assert!(!holds(&f, "đại biểu dự"), "{caption}: {all:?}");
        assert!(!holds(&f, "Quang cảnh"), "{caption}: {all:?}");
        assert_eq!(
            find(&all, "khẩn trương phối hợp tham mưu").0.as_deref(),
            Some("Lê Văn Chữ"),
            "{caption}"
        );
    }
}

#[test]
fn a_leader_named_by_the_last_word_of_the_name() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Nguyễn Văn Quảng, Bí thư Thành ủy, dự và phát biểu tại hội nghị.\n\nÔng Quảng yêu cầu bí thư cấp huyện chịu trách nhiệm về việc tổ chức lấy ý kiến cử tri; xây dựng phương án sử dụng trụ sở dôi dư.\n\nĐồng thời, xây dựng phương án sắp xếp cán bộ cấp xã, hoàn thành trước ngày 15-5.\n\nTheo ông Quảng, các sở, ngành cần khẩn trương hoàn thành đề án sắp xếp đơn vị hành chính.",
    ));
    let all = listed(&f);
    let asked = find(&all, "chịu trách nhiệm về việc tổ chức");
    assert_eq!(asked.0.as_deref(), Some("Nguyễn Văn Quảng"));
    assert!(holds(&f, "xây dựng phương án sử dụng trụ sở"));
    let dated = find(&all, "hoàn thành trước ngày 15-5");
    assert_eq!(dated.1.as_deref(), Some("2026-05-15"));
    assert_eq!(
        find(&all, "khẩn trương hoàn thành đề án").0.as_deref(),
        Some("Nguyễn Văn Quảng")
    );
}

#[test]
fn the_verb_of_the_one_named_before_it() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n\nTrên cơ sở chỉ rõ một số tồn tại, hạn chế, Bí thư Tỉnh ủy Lê Văn Minh yêu cầu các sở, ngành tập trung phân bổ vốn đến từng công trình; có biện pháp thúc đẩy giải ngân vốn đầu tư công. Triển khai nhanh chính sách hỗ trợ ngư dân.",
    ));
    let all = listed(&f);
    assert_eq!(
        find(&all, "tập trung phân bổ vốn").0.as_deref(),
        Some("Lê Văn Minh")
    );
    assert!(holds(&f, "có biện pháp thúc đẩy giải ngân"));
    assert!(holds(&f, "Triển khai nhanh chính sách"));
}

#[test]
fn a_quote_attributed_after_it() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n\n\"Hơn lúc nào hết, người đứng đầu phải là hạt nhân đoàn kết, làm tốt nhiệm vụ được giao\", Bí thư Tỉnh ủy nhấn mạnh.",
    ));
    let all = listed(&f);
    let quote = find(&all, "người đứng đầu phải là hạt nhân đoàn kết");
    assert_eq!(quote.0.as_deref(), Some("Lê Văn Minh"));
    assert!(!quote.2.contains("nhấn mạnh"), "{}", quote.2);
}

#[test]
fn exhortations_after_a_suggestion() {
    let f = facts_of(&page(
        "Sáng 14/4, Phó Thủ tướng Trần Văn Hòa làm việc với Ban Thường vụ Tỉnh ủy.\n\nĐối với nhiệm kỳ mới, Phó Thủ tướng gợi mở một số vấn đề mà Đảng bộ tỉnh cần quan tâm.\n\nTrong đó, tỉnh phải coi xây dựng Đảng là nhiệm vụ then chốt. Đặc biệt chú trọng xây dựng đội ngũ cán bộ ngang tầm nhiệm vụ.\n\nÔng cũng nhấn mạnh nhiệm vụ trọng tâm là tập trung quán triệt Nghị quyết Đại hội; chú trọng phát triển đảng viên, nhất là trong học sinh, sinh viên.",
    ));
    for part in [
        "phải coi xây dựng Đảng là nhiệm vụ then chốt",
        "Đặc biệt chú trọng xây dựng đội ngũ cán bộ",
        "tập trung quán triệt Nghị quyết Đại hội",
        "chú trọng phát triển đảng viên",
    ] {
        assert!(holds(&f, part), "{part}: {:#?}", listed(&f));
    }
}

#[test]
fn a_sequence_of_dated_steps() {
    let f = facts_of(&page(
        "Tại cuộc họp, các đồng chí Phó Chủ tịch UBND thành phố và lãnh đạo các sở, ngành thành phố thảo luận thống nhất tiến độ cụ thể là: Trước ngày 16-5-2026, xây dựng xong đề cương chi tiết; trước ngày 28-5-2026 hoàn thành đề cương; trước ngày 20-6-2026 hoàn thành báo cáo trình Thường trực Thành ủy.",
    ));
    let due: Vec<String> = f
        .conclusions
        .iter()
        .filter_map(|c| c.deadline.map(|d| d.to_string()))
        .collect();
    assert_eq!(due, vec!["2026-05-16", "2026-05-28", "2026-06-20"]);
}

#[test]
fn a_dated_duty_wherever_it_is_told() {
    let f = facts_of(&page(
        "Các đảng bộ, chi bộ thành lập mới khẩn trương chuẩn bị các điều kiện để tổ chức Đại hội, phấn đấu xong trước ngày 20-7.\n\nĐại hội Đảng bộ tỉnh dự kiến tổ chức vào tháng 10/2026.\n\nNăm 2025, tỉnh đã hoàn thành trước ngày 30-6 việc sắp xếp các xã.",
    ));
    let all = listed(&f);
    assert_eq!(
        find(&all, "phấn đấu xong trước ngày 20-7").1.as_deref(),
        Some("2026-07-20")
    );
    assert!(!holds(&f, "dự kiến tổ chức"));
    assert!(!holds(&f, "đã hoàn thành"));
}

#[test]
fn finishing_by_a_month_near_a_congress_and_the_year_of_an_undated_page() {
    let f = facts_of(&undated(
        "“Thực hiện kế hoạch của tỉnh, thị xã đã ban hành kế hoạch chuẩn bị đại hội. Việc tổ chức đại hội các chi bộ cơ sở hoàn thành trong tháng 3. Đại hội đảng bộ cơ sở sẽ hoàn thành trong tháng 5.2020”.\n\nBí thư Thị ủy TRẦN VĂN AN",
    ));
    let all = listed(&f);
    assert_eq!(
        find(&all, "chi bộ cơ sở hoàn thành trong tháng 3")
            .1
            .as_deref(),
        Some("2020-03")
    );
    assert_eq!(
        find(&all, "sẽ hoàn thành trong tháng 5.2020").1.as_deref(),
        Some("2020-05")
    );
}

#[test]
fn judgements_agendas_and_page_lines_are_not_directives() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n\nPhát biểu kết luận, đồng chí Lê Văn Minh nhấn mạnh tầm quan trọng của việc ổn định bộ máy sau sắp xếp. Ngành đã làm tốt công tác tham mưu với cấp ủy các cấp. Hội nghị được tổ chức trực tiếp và trực tuyến đến 200 điểm cầu. Báo Tỉnh trân trọng trích đăng bài phát biểu của đồng chí Bí thư Tỉnh ủy:\n\nCác cấp ủy cần tiếp tục quán triệt Nghị quyết.\n\nSáng 15/4, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị giao ban các chi bộ trực thuộc nhằm nắm bắt tình hình cơ sở.",
    ));
    let all = listed(&f);
    for part in [
        "tầm quan trọng",
        "Ngành đã làm tốt",
        "được tổ chức trực tiếp",
        "trích đăng",
        "giao ban",
    ] {
        assert!(!holds(&f, part), "{part}: {all:#?}");
    }
    assert!(holds(&f, "Các cấp ủy cần tiếp tục quán triệt"));
}

#[test]
fn words_cut_off_at_the_end_of_a_page() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n\nPhát biểu kết luận, đồng chí Lê Văn Minh yêu cầu các sở, ngành đẩy mạnh cải cách hành chính; phát triển tỉnh thành vùng động lực, tiến tới m",
    ));
    assert!(holds(&f, "đẩy mạnh cải cách hành chính"));
    assert!(!holds(&f, "tiến tới m"), "{:#?}", listed(&f));
    assert!(holds(&f, "phát triển tỉnh thành vùng động lực, tiến tới"));
}

#[test]
fn speakers_are_people_titles_or_bodies() {
    let f = facts_of(&page(
        "TPO - Chiều 14/4, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố quyết định thành lập các Đảng bộ trực thuộc.\n\nBan Chỉ đạo của Thành ủy thống nhất tổ chức lấy ý kiến cử tri trước ngày 22-4.",
    ));
    let all = listed(&f);
    let steering = find(&all, "lấy ý kiến cử tri");
    assert_eq!(steering.0.as_deref(), Some("Ban Chỉ đạo của Thành ủy"));
    assert_eq!(steering.1.as_deref(), Some("2026-04-22"));
    // The meeting held is not the one deciding.
    assert!(all.iter().all(|c| c.0.as_deref() != Some("hội nghị công")));
}

#[test]
fn what_is_not_a_deadline() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n\nKết luận hội nghị, đồng chí Lê Văn Minh yêu cầu phấn đấu đến năm 2030 trở thành tỉnh phát triển khá; tập trung triển khai các nhiệm vụ từ nay đến cuối năm; đánh giá kết quả 6 tháng đầu năm 2026 một cách thực chất.",
    ));
    assert!(f.conclusions.len() >= 2, "{:#?}", listed(&f));
    assert!(
        f.conclusions.iter().all(|c| c.deadline.is_none()),
        "{:#?}",
        listed(&f)
    );
}

#[test]
fn reports_of_figures_and_procedure_are_not_directives() {
    let f = facts_of(&page(
        "Sáng 14/4, đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì hội nghị.\n\nPhát biểu kết luận, đồng chí Lê Văn Minh cho biết tốc độ tăng trưởng kinh tế của tỉnh tăng trên 8%/năm. Đồng chí yêu cầu các cấp ủy tiếp tục tạo sự thống nhất trong toàn Đảng bộ.\n\nTại phiên trù bị, Đại hội đã thông qua chương trình làm việc; quán triệt một số nội dung về công tác bầu cử trong Đảng; công bố các quyết định chia tổ thảo luận.\n\nĐồng chí Trần Văn An dự và chỉ đạo tại đại hội.",
    ));
    let all = listed(&f);
    assert!(holds(&f, "thông qua chương trình làm việc"), "{all:#?}");
    assert!(holds(&f, "tiếp tục tạo sự thống nhất"), "{all:#?}");
    for part in [
        "tăng trên 8%",
        "quán triệt một số nội dung",
        "chia tổ",
        "chỉ đạo tại đại hội",
    ] {
        assert!(!holds(&f, part), "{part}: {all:#?}");
    }
}

#[test]
fn a_date_already_past_is_a_report() {
    let f = facts_of(&page(
        "Đến ngày 9/3/2026, 100% chi bộ cơ sở tổ chức xong đại hội, hoàn thành sớm hơn kế hoạch.",
    ));
    assert!(!holds(&f, "tổ chức xong đại hội"), "{:#?}", listed(&f));
}

/// "Chủ trì cuộc làm việc …, đồng chí A nhấn mạnh, …": the clause of
/// chairing opening the sentence makes A the chair, and what A directs
/// after it is a conclusion; a sentence that only tells who chaired is not.
#[test]
fn a_chair_named_after_an_opening_clause_of_chairing_directs() {
    let f = facts_of(&page(
        "Chiều 12/4, Đoàn công tác của Bộ Chính trị làm việc với Ban Thường vụ Tỉnh ủy.\n\nChủ trì cuộc làm việc với Ban Thường vụ Tỉnh ủy chiều nay, Chủ tịch Quốc hội Trần Văn Mẫn nhấn mạnh, mỗi cán bộ, đảng viên phải trách nhiệm đến cùng với công việc được giao.\n\nChủ trì hội nghị có đồng chí Lê Văn An, Bí thư Tỉnh ủy, chỉ đạo công tác chuẩn bị.",
    ));
    assert_eq!(f.chairs, ["Trần Văn Mẫn", "Lê Văn An"]);
    let all = listed(&f);
    let c = find(&all, "phải trách nhiệm đến cùng");
    assert_eq!(c.0.as_deref(), Some("Trần Văn Mẫn"));
    assert!(!holds(&f, "công tác chuẩn bị"), "{all:#?}");
}

#[test]
fn a_body_given_the_lead_of_a_task_is_directed_not_chairing() {
    let f = facts_of(&page(
        "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì hội nghị.\n\nKết luận hội nghị, đồng chí Nguyễn Văn An yêu cầu:\n\n(1) Ban Tổ chức Tỉnh ủy, Văn phòng Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan tham mưu hoàn thiện đề án sắp xếp bộ máy.\n\n(2) Giao Sở Nội vụ chủ trì và phối hợp với các huyện rà soát biên chế, hoàn thành trong tháng 5/2026.\n\nĐồng chí Nguyễn Văn An cũng giao đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh chủ trì, phối hợp với các sở tháo gỡ vướng mắc cho các dự án.",
    ));
    assert!(
        holds(&f, "Văn phòng Tỉnh ủy chủ trì, phối hợp"),
        "{:#?}",
        f.conclusions
    );
    let all = listed(&f);
    let second = find(&all, "Sở Nội vụ chủ trì và phối hợp");
    assert_eq!(second.1.as_deref(), Some("2026-05"));
    // The sentence of who chaired directs nothing.
    assert!(!holds(&f, "chủ trì hội nghị"));
    assert!(holds(&f, "Trần Văn Bình, Phó Chủ tịch UBND tỉnh chủ trì"));
    assert_eq!(f.chairs, ["Nguyễn Văn An"]);
    let given = f.people.iter().find(|p| p.name == "Trần Văn Bình").unwrap();
    assert!(!given.roles.contains(&Role::Chair), "{:?}", given.roles);
}

/// "các kết luận", "những yêu cầu" are what was concluded or asked before:
/// the directive begins where the speaker's own verb does.
#[test]
fn a_directive_word_counted_as_many_is_a_noun() {
    let f = facts_of(&page(
        "Đoàn công tác của Trung ương làm việc với Ban Thường vụ Tỉnh ủy.\n\nKết luận buổi làm việc, Trưởng đoàn Lê Văn Bình cơ bản tán thành với dự thảo các văn kiện, các huyện đã triển khai đúng tinh thần các kết luận, văn bản hướng dẫn của Trung ương. Đồng chí yêu cầu tỉnh tiếp tục rà soát những yêu cầu, kiến nghị của cử tri.",
    ));
    let all = listed(&f);
    let first = find(&all, "tán thành với dự thảo");
    assert!(first.2.starts_with("cơ bản tán thành"), "{all:#?}");
    assert!(
        first.2.ends_with("văn bản hướng dẫn của Trung ương"),
        "{all:#?}"
    );
    assert_eq!(all.len(), 2, "{all:#?}");
}

/// Beside the chair, a leader who gives an order directs too; a leader's
/// view, or the noun "chỉ đạo", is no directive.
#[test]
fn a_leader_beside_the_chair_who_gives_orders_directs() {
    let f = facts_of(&page(
        "Sáng 14/4, UBND tỉnh họp phiên thường kỳ. Chủ tịch UBND tỉnh Nguyễn Văn Hùng chủ trì.\n\nTrên cơ sở chỉ rõ thêm một số hạn chế, Phó Bí thư Tỉnh ủy, Phó Chủ tịch UBND tỉnh Lê Thanh Sơn yêu cầu các sở, ngành hướng dẫn các địa phương đẩy nhanh giải ngân vốn đầu tư công.\n\nPhó Chủ tịch UBND tỉnh Trần Văn Tâm cho rằng báo cáo cần bổ sung số liệu so sánh với cùng kỳ năm trước.\n\nThay mặt Ban Thường vụ Tỉnh ủy, Bí thư Tỉnh ủy Đỗ Minh Khoa cảm ơn ý kiến phát biểu chỉ đạo của các đồng chí lãnh đạo tỉnh và sẽ tiếp thu đầy đủ.",
    ));
    let all = listed(&f);
    let order = find(&all, "đẩy nhanh giải ngân");
    assert_eq!(order.0.as_deref(), Some("Lê Thanh Sơn"));
    assert!(order.2.starts_with("yêu cầu các sở"), "{all:#?}");
    assert!(!holds(&f, "bổ sung số liệu"), "{all:#?}");
    assert!(!holds(&f, "lãnh đạo tỉnh"), "{all:#?}");
    assert_eq!(f.chairs, ["Nguyễn Văn Hùng"]);
}

/// "dự và chỉ đạo hội nghị" tells who attended; the guests listed after it
/// are no directives.
#[test]
fn attending_and_directing_the_meeting_is_attendance() {
    let f = facts_of(&page(
        "Đồng chí Trần Văn Mẫn - Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương dự và chỉ đạo hội nghị. Các đồng chí Lê Văn Bình - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; Đỗ Minh Khoa - Phó Bí thư Thường trực Tỉnh ủy; các đồng chí trong Ban Thường vụ Tỉnh ủy dự hội nghị.\n\nKết luận hội nghị, đồng chí Lê Văn Bình yêu cầu các cấp ủy rà soát quy hoạch cán bộ.",
    ));
    let all = listed(&f);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(all[0].2.contains("rà soát quy hoạch cán bộ"), "{all:#?}");
}

/// A directive word used as a noun begins no directive: after "phát biểu",
/// numbered ("quán triệt Kết luận số 12-KL/TU"), or counted ("các kết luận").
#[test]
fn directive_words_used_as_nouns_direct_nothing() {
    let f = facts_of(&page(
        "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì hội nghị.\n\nĐồng chí Nguyễn Văn An phát biểu chỉ đạo tại cuộc họp.\n\nHội nghị đã quán triệt Kết luận số 12-KL/TU về công tác dân vận trong tình hình mới.\n\nKết luận hội nghị, đồng chí Nguyễn Văn An yêu cầu các cấp ủy rà soát quy hoạch cán bộ.",
    ));
    let all = listed(&f);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(all[0].2.contains("rà soát quy hoạch cán bộ"), "{all:#?}");
}
