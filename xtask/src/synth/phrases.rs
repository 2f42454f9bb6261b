//! Text banks: agenda items, directives, report and discussion paragraphs,
//! speeches, teasers and page furniture, in the register of provincial
//! Party news.
//!
//! Slots in braces are filled by the renderer: {tu} the committee word
//! ("Tỉnh ủy"), {tinh} the level word ("tỉnh"), {P} the province, {y} the
//! year, {y1} the next year, {pct}/{pct2} percentages, {n} amounts, {term}
//! the congress term, {doc} a numbered document.

/// Agenda items a standing committee or executive committee discusses.
pub const AGENDA: &[&str] = &[
    "dự thảo Quy chế làm việc của Ban Chấp hành Đảng bộ {tinh} khóa {term}",
    "dự thảo Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ {tinh} khóa {term}",
    "Đề án sắp xếp đơn vị hành chính cấp xã giai đoạn {y}-{y5}",
    "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {y}",
    "dự thảo Nghị quyết về phát triển nông nghiệp hàng hóa tập trung giai đoạn {y1}-{y5}",
    "Kế hoạch thực hiện Chỉ thị của Bộ Chính trị về tăng cường công tác cán bộ",
    "kết quả công tác kiểm tra, giám sát 6 tháng đầu năm {y}",
    "công tác chuẩn bị Đại hội đại biểu Đảng bộ {tinh} lần thứ {next_term}",
    "phương án phân bổ dự toán ngân sách nhà nước năm {y1}",
    "Tờ trình về việc điều chỉnh Quy hoạch {tinh} thời kỳ 2021-2030",
    "Đề án phát triển du lịch {tinh} đến năm 2030, tầm nhìn đến năm 2045",
    "Báo cáo sơ kết thực hiện {doc}",
    "tình hình giải ngân vốn đầu tư công năm {y}",
    "công tác phòng, chống tham nhũng, lãng phí, tiêu cực năm {y}",
    "dự thảo Báo cáo chính trị trình Đại hội đại biểu Đảng bộ {tinh}",
    "Đề án nâng cao chất lượng nguồn nhân lực giai đoạn {y1}-{y5}",
    "kế hoạch tổ chức các hoạt động kỷ niệm ngày thành lập Đảng bộ {tinh}",
    "dự thảo Quy định về phân cấp quản lý cán bộ",
    "Báo cáo kết quả 5 năm thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "chủ trương đầu tư một số dự án hạ tầng giao thông trọng điểm",
    "công tác quy hoạch cán bộ cho các nhiệm kỳ tiếp theo",
    "Đề án chuyển đổi số trong các cơ quan đảng đến năm 2025",
];

/// Numbered documents: (kind, code). The number and year are drawn.
pub const DOC_KINDS: &[(&str, &str)] = &[
    ("Kế hoạch", "KH/TU"),
    ("Nghị quyết", "NQ/TU"),
    ("Đề án", "ĐA/TU"),
    ("Chương trình hành động", "CTr/TU"),
    ("Kết luận", "KL/TU"),
    ("Chỉ thị", "CT/TU"),
];

/// State documents, numbered "1234/QĐ-UBND".
pub const STATE_DOC_KINDS: &[(&str, &str)] = &[
    ("Quyết định", "QĐ-UBND"),
    ("Kế hoạch", "KH-UBND"),
    ("Nghị quyết", "NQ-HĐND"),
    ("Tờ trình", "TTr-UBND"),
];

/// What a numbered document is about, after "về".
pub const DOC_SUBJECTS: &[&str] = &[
    "phát triển kinh tế biển",
    "nâng cao chất lượng tổ chức cơ sở đảng",
    "xây dựng nông thôn mới nâng cao",
    "phát triển công nghiệp hỗ trợ",
    "cải cách hành chính, cải thiện môi trường đầu tư",
    "công tác dân vận trong tình hình mới",
    "phát triển văn hóa, con người",
    "bảo vệ môi trường và ứng phó với biến đổi khí hậu",
    "đẩy mạnh chuyển đổi số",
    "phát triển đô thị",
];

/// Directives as verb phrases, without subject or deadline. The renderer
/// puts an addressee before them and may add a deadline after. Party
/// meetings draw from the Party and common lists, government and council
/// sessions from the government and common lists.
pub const ACTIONS_PARTY: &[&str] = &[
    "khẩn trương hoàn thiện dự thảo, trình Ban Thường vụ {tu} xem xét",
    "nâng cao chất lượng sinh hoạt chi bộ, nhất là sinh hoạt chuyên đề",
    "thực hiện nghiêm quy chế làm việc, nguyên tắc tập trung dân chủ",
    "đổi mới phương thức lãnh đạo, nâng cao năng lực lãnh đạo của cấp ủy",
    "chuẩn bị chu đáo nội dung, nhân sự đại hội đảng bộ các cấp",
    "quan tâm thực hiện tốt chế độ, chính sách đối với cán bộ không tái cử",
    "đẩy mạnh chuyển đổi số trong các cơ quan đảng",
    "kiện toàn đội ngũ cán bộ chủ chốt các sở, ngành, địa phương",
    "thực hiện tốt công tác bảo vệ chính trị nội bộ",
    "tăng cường phối hợp giữa các cơ quan tham mưu, giúp việc {tu}",
    "làm rõ trách nhiệm của tập thể, cá nhân để xảy ra sai phạm",
    "tiếp thu đầy đủ ý kiến của các đại biểu để hoàn chỉnh đề án",
    "làm tốt công tác tuyên truyền, tạo đồng thuận trong Nhân dân",
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "rà soát, bổ sung quy hoạch cán bộ bảo đảm chất lượng, cơ cấu hợp lý",
    "tăng cường công tác kiểm tra, giám sát việc thực hiện nhiệm vụ được giao",
];
pub const ACTIONS_GOV: &[&str] = &[
    "đẩy nhanh tiến độ giải ngân vốn đầu tư công",
    "chủ động tham mưu các giải pháp tháo gỡ khó khăn cho doanh nghiệp",
    "quyết liệt chỉ đạo công tác giải phóng mặt bằng các dự án trọng điểm",
    "tập trung các giải pháp tăng thu ngân sách, chống thất thu",
    "làm tốt công tác phòng, chống thiên tai, tìm kiếm cứu nạn",
    "rà soát toàn bộ các dự án chậm tiến độ, kiên quyết thu hồi các dự án vi phạm",
    "bổ sung các giải pháp đột phá trong thu hút đầu tư",
    "hoàn thiện hồ sơ đề nghị công nhận các xã đạt chuẩn nông thôn mới",
    "tập trung chỉ đạo sản xuất vụ đông, bảo đảm đúng khung thời vụ",
    "chủ động phương án bảo đảm nguồn điện, nước phục vụ sản xuất và sinh hoạt",
    "rà soát, cập nhật các chỉ tiêu của quy hoạch ngành, lĩnh vực",
    "nâng cao chất lượng thẩm định, tránh dàn trải, lãng phí",
    "tiếp tục cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số năng lực cạnh tranh",
    "chuẩn bị tốt các điều kiện tổ chức kỳ họp cuối năm của HĐND {tinh}",
    "tăng cường kiểm tra, xử lý nghiêm các vi phạm về đất đai, khoáng sản",
    "đẩy mạnh cải cách thủ tục hành chính, nâng cao chất lượng phục vụ người dân",
    "kiểm soát chặt chẽ giá cả thị trường, bảo đảm cung ứng hàng hóa thiết yếu",
    "hoàn thành dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất",
];
pub const ACTIONS_COMMON: &[&str] = &[
    "tập trung rà soát, bổ sung các chỉ tiêu, nhiệm vụ còn thiếu",
    "rà soát, sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
    "giải quyết dứt điểm các vụ việc khiếu nại, tố cáo kéo dài",
    "giữ vững an ninh chính trị, bảo đảm trật tự an toàn xã hội",
    "chăm lo tốt đời sống vật chất, tinh thần cho Nhân dân",
    "xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ trách nhiệm",
    "phối hợp chặt chẽ với các bộ, ngành Trung ương để tháo gỡ vướng mắc",
    "siết chặt kỷ luật, kỷ cương hành chính, nâng cao trách nhiệm người đứng đầu",
    "làm tốt công tác chuẩn bị đón Tết Nguyên đán, bảo đảm mọi người, mọi nhà đều được vui Xuân",
    "lựa chọn những nhiệm vụ trọng tâm, có tính đột phá để tập trung thực hiện",
    "phấn đấu hoàn thành toàn diện các chỉ tiêu, nhiệm vụ năm {y}",
];
/// What a visiting delegation agrees on with its hosts.
pub const ACTIONS_VISIT: &[&str] = &[
    "tăng cường trao đổi kinh nghiệm trong công tác xây dựng Đảng",
    "phối hợp chặt chẽ trong kết nối hạ tầng giao thông liên vùng",
    "mở rộng hợp tác phát triển du lịch, thương mại",
    "chia sẻ kinh nghiệm trong thu hút đầu tư, cải cách hành chính",
];

/// Who a directive is addressed to: in Party meetings, in government and
/// council sessions (districts before July 2025, communes after), and in
/// working sessions with a delegation.
pub const ADDRESSEES_PARTY: &[&str] = &[
    "các sở, ban, ngành",
    "Ban Tổ chức {tu}",
    "Văn phòng {tu}",
    "các cơ quan tham mưu, giúp việc {tu}",
    "các cấp ủy, tổ chức đảng",
    "Ủy ban Kiểm tra {tu}",
    "các đảng đoàn, ban cán sự đảng",
];
pub const ADDRESSEES_GOV: &[&str] = &[
    "các sở, ban, ngành",
    "Sở Tài chính",
    "Văn phòng UBND {tinh}",
    "các chủ đầu tư",
    "Sở Xây dựng",
];
pub const ADDRESSEES_DISTRICTS: &[&str] = &[
    "các huyện, thị xã, thành phố",
    "UBND các huyện, thị xã, thành phố",
];
pub const ADDRESSEES_COMMUNES: &[&str] = &["các xã, phường", "UBND các xã, phường"];
pub const ADDRESSEES_DELEGATION: &[&str] = &[
    "Ban Thường vụ {tu}",
    "{tu} {P}",
    "các cấp ủy, tổ chức đảng trong Đảng bộ",
];
pub const ADDRESSEES_VISIT: &[&str] = &["hai địa phương", "các sở, ngành của hai tỉnh"];

/// Verbs that open a directive after the chair's name.
pub const DIRECTIVE_VERBS: &[&str] = &["yêu cầu", "đề nghị", "giao", "chỉ đạo"];

/// Openers of a later directive in the closing passage, before an addressee.
pub const CONTINUATIONS: &[&str] = &[
    "Đồng thời,",
    "Cùng với đó,",
    "Bên cạnh đó,",
    "Ngoài ra,",
    "Trước mắt,",
    "Thời gian tới,",
];

/// The chair's assessment before the directives.
pub const ASSESSMENTS: &[&str] = &[
    "ghi nhận, đánh giá cao sự chuẩn bị chu đáo, công phu của các cơ quan tham mưu và những ý kiến tâm huyết, trách nhiệm của các đại biểu",
    "khẳng định các nội dung trình hội nghị đã được chuẩn bị kỹ lưỡng, bám sát chủ trương của Trung ương và tình hình thực tiễn của địa phương",
    "đánh giá cao tinh thần đoàn kết, nỗ lực của cả hệ thống chính trị trong thực hiện nhiệm vụ thời gian qua",
    "cho rằng bên cạnh những kết quả đạt được, vẫn còn một số hạn chế cần sớm được khắc phục, nhất là tiến độ triển khai các dự án",
    "nhấn mạnh những tháng cuối năm có ý nghĩa quyết định đến việc hoàn thành các chỉ tiêu, nhiệm vụ cả năm",
];

/// Decisions of the body, with a document or agenda item slotted in.
pub const DECISIONS: &[&str] = &[
    "{body} thống nhất thông qua {item}",
    "{body} cơ bản thống nhất với {item}",
    "{body} nhất trí cao với {item}",
    "{body} đồng ý chủ trương {item}",
];

/// Report and background sentences, drawn without repeats and joined
/// two or three to a paragraph: the bulk of an article. Slots: {pct}
/// growth, {pov} poverty rate, {disb} disbursement rate, {ratio} share of
/// the estimate, {n} billions of đồng, {k}/{k2} counts, {place} the
/// province as a place.
pub const REPORT_SENTENCES: &[&str] = &[
    "Năm {y}, trong bối cảnh còn nhiều khó khăn, thách thức, song dưới sự lãnh đạo, chỉ đạo sát sao của {tu}, sự vào cuộc quyết liệt của cả hệ thống chính trị, kinh tế - xã hội của {tinh} tiếp tục phát triển.",
    "Tổng sản phẩm trên địa bàn (GRDP) ước tăng {pct}% so với năm {y0}, cao hơn mức bình quân chung của cả nước.",
    "Thu ngân sách nhà nước ước đạt {n} tỷ đồng, bằng {ratio}% dự toán Trung ương giao.",
    "Theo báo cáo, 9 tháng năm {y}, tăng trưởng kinh tế của {place} ước đạt {pct}%, đứng thứ {rank} cả nước.",
    "Giá trị sản xuất công nghiệp tăng {pct}% so với cùng kỳ; kim ngạch xuất khẩu ước đạt {k2} triệu USD.",
    "Tổng vốn đầu tư toàn xã hội ước đạt {n} tỷ đồng, tăng {pct}% so với cùng kỳ năm trước.",
    "Công tác xây dựng nông thôn mới tiếp tục được quan tâm, đến nay toàn {tinh} có {k} xã đạt chuẩn nông thôn mới nâng cao.",
    "Sản xuất nông nghiệp ổn định; năng suất lúa bình quân ước đạt {yield} tấn/ha, sản lượng lương thực đạt kế hoạch đề ra.",
    "Công tác xây dựng Đảng và hệ thống chính trị được quan tâm thực hiện đồng bộ.",
    "Các cấp ủy, tổ chức đảng đã lãnh đạo, chỉ đạo triển khai nghiêm túc các nghị quyết, chỉ thị, kết luận của Trung ương và của {tu}.",
    "Công tác kiểm tra, giám sát được tăng cường, kịp thời chấn chỉnh những thiếu sót, khuyết điểm ngay từ cơ sở.",
    "Công tác dân vận, hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội có nhiều đổi mới, hướng mạnh về cơ sở.",
    "Bên cạnh kết quả đạt được, công tác lãnh đạo, chỉ đạo vẫn còn một số hạn chế: một số chỉ tiêu đạt thấp so với kế hoạch; tiến độ giải ngân vốn đầu tư công ở một số dự án còn chậm.",
    "Công tác giải phóng mặt bằng ở một số dự án còn gặp nhiều vướng mắc; chất lượng sinh hoạt chi bộ ở một số nơi chưa cao.",
    "Dự thảo được xây dựng trên cơ sở bám sát các quy định, hướng dẫn của Trung ương, kế thừa những nội dung còn phù hợp của nhiệm kỳ trước.",
    "Bố cục dự thảo gồm {k4} chương, {k2} điều, quy định rõ chức năng, nhiệm vụ, quyền hạn, chế độ làm việc và các mối quan hệ công tác.",
    "Về thu hút đầu tư, từ đầu năm đến nay, {tinh} đã cấp mới giấy chứng nhận đăng ký đầu tư cho {k} dự án với tổng vốn đăng ký hơn {n} tỷ đồng.",
    "Số doanh nghiệp thành lập mới tăng {pct}% so với cùng kỳ; nhiều doanh nghiệp đã quay trở lại hoạt động.",
    "Lĩnh vực văn hóa - xã hội có nhiều chuyển biến tích cực; công tác chăm sóc sức khỏe Nhân dân được bảo đảm.",
    "Chất lượng giáo dục toàn diện được nâng lên; tỷ lệ trường đạt chuẩn quốc gia đạt {ratio2}%.",
    "Các chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời; tỷ lệ hộ nghèo giảm còn {pov}%.",
    "Quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm; không để xảy ra điểm nóng.",
    "Tại hội nghị, các đại biểu tập trung thảo luận, phân tích làm rõ những kết quả đạt được, chỉ ra những tồn tại, hạn chế và nguyên nhân.",
    "Nhiều ý kiến đề xuất các giải pháp cụ thể để thực hiện có hiệu quả các nhiệm vụ trọng tâm thời gian tới.",
    "Các ý kiến cơ bản thống nhất cao với nội dung các dự thảo, đồng thời đề nghị cơ quan soạn thảo làm rõ thêm một số nội dung về phân cấp, phân quyền.",
    "Nhiệm vụ trọng tâm năm {y1} được xác định là tập trung khắc phục những hạn chế, yếu kém; đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh.",
    "{Tinh} phấn đấu tốc độ tăng trưởng GRDP năm {y1} đạt {pct}% trở lên; thu ngân sách tăng ít nhất {pct2}% so với dự toán.",
    "Báo cáo nêu rõ, công tác kiểm tra, giám sát được các cấp ủy triển khai theo đúng chương trình, kế hoạch.",
    "Ủy ban Kiểm tra các cấp đã kiểm tra {k} tổ chức đảng và {k2} đảng viên khi có dấu hiệu vi phạm; qua đó, thi hành kỷ luật một số đảng viên.",
    "Trong nhiệm kỳ qua, Đảng bộ và Nhân dân {place} đã đoàn kết, nỗ lực vượt qua khó khăn, đạt được nhiều kết quả quan trọng, khá toàn diện trên các lĩnh vực.",
    "Quy mô nền kinh tế tăng gấp {k3} lần so với đầu nhiệm kỳ; thu nhập bình quân đầu người đạt khoảng {n2} triệu đồng/năm.",
    "Công tác cải cách hành chính tiếp tục có chuyển biến; chỉ số năng lực cạnh tranh cấp tỉnh (PCI) tăng {k5} bậc so với năm trước.",
    "Việc ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của các cơ quan nhà nước được đẩy mạnh, 100% văn bản được gửi, nhận trên môi trường điện tử.",
    "Chi ngân sách bảo đảm kịp thời các nhiệm vụ chi thường xuyên và chi cho đầu tư phát triển.",
    "Tỷ lệ giải ngân vốn đầu tư công đến hết tháng {m} đạt {disb}% kế hoạch vốn được giao.",
    "Hội nghị cũng đã nghe báo cáo tình hình thực hiện các dự án trọng điểm và kết quả giải quyết đơn, thư khiếu nại, tố cáo trên địa bàn.",
    "Sau khi nghe báo cáo, các thành viên đã thảo luận dân chủ, thẳng thắn, phân tích sâu sắc nguyên nhân của những tồn tại, hạn chế, nhất là nguyên nhân chủ quan.",
    "Hoạt động du lịch phục hồi mạnh mẽ, tổng lượt khách ước đạt {k2} nghìn lượt, tăng {pct}% so với cùng kỳ.",
    "Công tác phòng, chống tham nhũng, lãng phí, tiêu cực được chỉ đạo quyết liệt; nhiều vụ việc được phát hiện, xử lý nghiêm minh.",
    "Công tác tổ chức cán bộ được thực hiện chặt chẽ, đúng quy trình; việc luân chuyển, điều động cán bộ gắn với quy hoạch.",
    "Hệ thống kết cấu hạ tầng tiếp tục được đầu tư đồng bộ; nhiều công trình giao thông quan trọng được khởi công, hoàn thành đưa vào sử dụng.",
    "Công tác bảo vệ môi trường, ứng phó với biến đổi khí hậu được quan tâm; tỷ lệ che phủ rừng đạt {ratio2}%.",
    "Khu vực dịch vụ duy trì đà tăng trưởng; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng {pct}%.",
    "Công tác tuyên truyền, giáo dục chính trị tư tưởng được đẩy mạnh; việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đi vào chiều sâu.",
    "Đến nay, toàn {tinh} có {k} tổ chức cơ sở đảng với hơn {k6} đảng viên; tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt {ratio2}%.",
    "Công tác phát triển đảng viên đạt kết quả khá, trong năm đã kết nạp {k6} đảng viên mới, đạt {ratio}% kế hoạch.",
    "Hoạt động của HĐND các cấp tiếp tục đổi mới; chất lượng các kỳ họp, hoạt động giám sát được nâng lên.",
    "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được quan tâm; nhiều vụ việc phức tạp, kéo dài đã được giải quyết dứt điểm.",
    "Công tác quy hoạch được chú trọng; Quy hoạch {tinh} thời kỳ 2021-2030, tầm nhìn đến năm 2050 đã được Thủ tướng Chính phủ phê duyệt.",
    "Các chương trình mục tiêu quốc gia được triển khai đồng bộ, góp phần cải thiện đời sống của người dân vùng đồng bào dân tộc thiểu số.",
    "Tuy nhiên, tăng trưởng kinh tế chưa tương xứng với tiềm năng; sức cạnh tranh của doanh nghiệp còn thấp.",
    "Một số cấp ủy, người đứng đầu chưa thật sự quyết liệt trong lãnh đạo, chỉ đạo; tinh thần trách nhiệm của một bộ phận cán bộ chưa cao.",
    "Nguồn lực đầu tư còn hạn chế, trong khi nhu cầu đầu tư kết cấu hạ tầng rất lớn.",
    "Tình hình thời tiết diễn biến phức tạp, ảnh hưởng đến sản xuất và đời sống của Nhân dân.",
    "Công tác phối hợp giữa các cơ quan tham mưu có lúc, có việc chưa chặt chẽ.",
    "Các dự thảo văn bản đã được gửi xin ý kiến rộng rãi các cấp ủy, tổ chức đảng và tiếp thu, chỉnh lý nhiều lần.",
    "Theo Tờ trình, việc ban hành văn bản là cần thiết nhằm cụ thể hóa các chủ trương của Trung ương phù hợp với điều kiện thực tế của địa phương.",
    "Qua 5 năm triển khai, nghị quyết đã thực sự đi vào cuộc sống, tạo chuyển biến rõ nét trong nhận thức và hành động của cán bộ, đảng viên.",
    "Công tác chuẩn bị đại hội đảng bộ các cấp được triển khai chặt chẽ, đúng kế hoạch; đến nay {ratio2}% chi bộ trực thuộc đã tổ chức xong đại hội.",
    "Các đơn vị đã chủ động rà soát, đề xuất danh mục dự án ưu tiên đầu tư giai đoạn tới.",
    "Số thu từ hoạt động xuất nhập khẩu đạt {n} tỷ đồng, tăng {pct}% so với cùng kỳ.",
    "Công tác quản lý đất đai, tài nguyên, khoáng sản được tăng cường; nhiều trường hợp vi phạm đã được xử lý.",
    "Hoạt động đối ngoại, hợp tác quốc tế được mở rộng, góp phần quảng bá hình ảnh của {place}.",
    "Lực lượng vũ trang {tinh} hoàn thành tốt công tác tuyển chọn và gọi công dân nhập ngũ, đạt 100% chỉ tiêu.",
    "Công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ được triển khai tích cực, kịp thời.",
];
/// What a speaker says: an opinion, not a directive of the meeting.
pub const OPINIONS: &[&str] = &[
    "cần làm rõ hơn cơ chế phối hợp giữa các sở, ngành trong triển khai thực hiện",
    "dự thảo cần chắt lọc, lựa chọn nhiệm vụ có trọng tâm, trọng điểm, tránh dàn trải",
    "cần có cơ chế đặc thù để thu hút nguồn lực đầu tư vào khu vực nông thôn",
    "việc phân bổ nguồn vốn cần ưu tiên các công trình có tính kết nối vùng",
    "cần quan tâm hơn đến công tác đào tạo, bồi dưỡng cán bộ trẻ, cán bộ nữ",
    "báo cáo cần bổ sung số liệu so sánh với cùng kỳ để thấy rõ kết quả",
    "cơ sở đang gặp khó khăn về nguồn nhân lực và kinh phí thực hiện",
    "cần sớm ban hành hướng dẫn cụ thể để các địa phương thống nhất thực hiện",
    "tiến độ một số công trình bị ảnh hưởng do giá vật liệu xây dựng tăng cao",
    "cần tăng cường tuyên truyền để người dân hiểu và đồng thuận",
];

/// Headlines per meeting kind; {chair} is a title-first mention, {term}
/// the congress term, {n} a session or conference number, {m} a month.
pub const HEADLINES_BTV: &[&str] = &[
    "Ban Thường vụ {tu} cho ý kiến về {agenda}",
    "Ban Thường vụ {tu} {P} họp cho ý kiến nhiều nội dung quan trọng",
    "Hội nghị Ban Thường vụ {tu} tháng {m}/{y}",
    "Tiếp tục hoàn thiện {agenda}",
    "{chair} chủ trì hội nghị Ban Thường vụ {tu}",
    "Ban Thường vụ {tu} {P} thảo luận, cho ý kiến vào {agenda}",
];
pub const HEADLINES_BCH: &[&str] = &[
    "Hội nghị lần thứ {n} Ban Chấp hành Đảng bộ {tinh} khóa {term}",
    "Ban Chấp hành Đảng bộ {tinh} {P} thảo luận một số nội dung quan trọng",
    "Bế mạc Hội nghị Ban Chấp hành Đảng bộ {tinh} lần thứ {n}",
    "Hội nghị Ban Chấp hành Đảng bộ {tinh} khóa {term} đánh giá tình hình thực hiện nhiệm vụ năm {y}",
];
pub const HEADLINES_TT: &[&str] = &[
    "Thường trực {tu} làm việc với {partner}",
    "Thường trực {tu} {P} làm việc với {partner}",
    "{chair} làm việc với {partner}",
];
pub const HEADLINES_UBND: &[&str] = &[
    "UBND {tinh} họp phiên thường kỳ tháng {m}/{y}",
    "Phiên họp thường kỳ UBND {tinh} {P} tháng {m}",
    "{chair} chủ trì phiên họp thường kỳ tháng {m}",
    "Cần tiếp tục nỗ lực, chủ động hơn nữa hoàn thành mục tiêu, nhiệm vụ năm {y}",
];
pub const HEADLINES_HDND: &[&str] = &[
    "Khai mạc Kỳ họp thứ {n} HĐND {tinh} khóa {cterm}",
    "Bế mạc Kỳ họp thứ {n}, HĐND {tinh} khóa {cterm}",
    "HĐND {tinh} {P} thông qua nhiều nghị quyết quan trọng",
];
pub const HEADLINES_DELEGATION: &[&str] = &[
    "Đoàn công tác của Bộ Chính trị làm việc tại {P}",
    "Đoàn công tác của Ban Bí thư Trung ương Đảng làm việc tại {P}",
    "{head} làm việc với Ban Thường vụ {tu} {P}",
    "Đoàn công tác Trung ương làm việc với {tu} {P}",
];

/// Related-news teaser lines about other officials; {who} is a title-first
/// mention, {D} a district or commune.
pub const TEASERS: &[&str] = &[
    "{who} tiếp công dân định kỳ tháng {m}",
    "{who} thăm, tặng quà gia đình chính sách",
    "{who} kiểm tra tiến độ các dự án trọng điểm",
    "{who} làm việc với các doanh nghiệp trên địa bàn",
    "{who} dự ngày hội Đại đoàn kết toàn dân tộc tại {D}",
    "{who} kiểm tra công tác phòng, chống thiên tai",
    "{who} trao quyết định công tác cán bộ",
];

/// Teaser paragraphs quoting a national leader (named in the slot).
pub const LEADER_TEASERS: &[&str] = &[
    "Trong bài viết “Chuẩn bị và tiến hành thật tốt Đại hội của Đảng, đưa đất nước bước vào một giai đoạn phát triển mới”, {who} đã chỉ rõ: “Động lực và nguồn lực cho...",
    "Phát biểu tại phiên bế mạc, {who} nhấn mạnh: “Toàn Đảng, toàn dân và toàn quân ta cần phát huy cao độ...",
    "Chiều qua, {who} đã có buổi tiếp xúc cử tri tại...",
];
/// Headlines of the teaser that follows "Từ khóa".
pub const LEADER_TEASER_HEADLINES: &[&str] = &[
    "Khơi dậy động lực phát triển đất nước trong giai đoạn mới",
    "Quyết tâm đưa đất nước bước vào kỷ nguyên vươn mình",
    "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc",
];

/// Picture captions without names; an article uses each at most once.
pub const CAPTIONS: &[&str] = &[
    "Quang cảnh hội nghị.",
    "Toàn cảnh hội nghị",
    "Các đại biểu dự hội nghị.",
    "Các đại biểu biểu quyết thông qua nghị quyết.",
    "Đại biểu thảo luận tại hội nghị.",
    "Các đồng chí chủ trì hội nghị.",
    "Đại biểu dự hội nghị tại điểm cầu các huyện.",
    "Đại biểu phát biểu ý kiến.",
    "Các đại biểu nghe báo cáo tại hội nghị.",
    "Quang cảnh buổi làm việc.",
    "Đại biểu các sở, ngành tham dự.",
    "Lãnh đạo các địa phương dự hội nghị.",
];

/// Section labels some sites print above the headline.
pub const LABELS: &[&str] = &[
    "Tin kinh tế",
    "Thời sự",
    "Chính trị",
    "Xây dựng Đảng",
    "Tin tức",
];

/// Comment-form template lines left unfilled on the page.
pub const COMMENT_FORM: &[&str] = &[
    " {name} - {time}",
    "",
    " Trả lời",
    "",
    "{body}",
    " {name}- {time}",
    "{body}",
    "",
    "0 bình luận",
    "",
    "Ý kiến của bạn sẽ được biên tập trước khi đăng. Vui lòng gõ tiếng Việt có dấu",
    "",
    "Các tin đã đưa",
    "",
    "Hãy chia sẻ với bạn bè!",
    "Tắt [X]",
];

/// Readers' comments.
pub const COMMENTS: &[&str] = &[
    "Mong tỉnh sớm triển khai quyết liệt để người dân được hưởng lợi.",
    "Bài viết rất hay, cảm ơn báo đã thông tin kịp thời.",
    "Đề nghị quan tâm hơn đến đường giao thông nông thôn ở xã tôi.",
];
