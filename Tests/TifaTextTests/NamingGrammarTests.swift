import Foundation
import TifaText
import XCTest

/// The naming grammars over the general lexicon alone (no political lexicon), so every name here
/// comes out whole by its shape, not because a dictionary lists it.
final class NamingGrammarTests: XCTestCase {
    static let segmenter: LexiconSegmenter = {
        let dictionaries = repositoryRoot.appendingPathComponent("Dictionaries")
        let lexicon = try! Lexicon.load(
            general: dictionaries.appendingPathComponent("general.dict").path, political: [],
            grammar: dictionaries.appendingPathComponent("naming-grammar.txt").path, cache: .disabled)
        return try! LexiconSegmenter(lexicon: lexicon, granularity: .coarse)
    }()

    func words(_ text: String) -> [String] { Self.segmenter.words(text) }

    func testOrgansOfProvincesAndCities() {
        // A place before a regional head, a division heading its own organs, an organ's office.
        XCTAssertEqual(words("浙江省委金融委员会召开会议"), ["浙江省委金融委员会", "召开", "会议"])
        XCTAssertEqual(words("山东省数据局发布"), ["山东省数据局", "发布"])
        XCTAssertEqual(words("推进山东省数据局建设"), ["推进", "山东省数据局", "建设"])
        XCTAssertEqual(words("宁夏回族自治区生态环境厅"), ["宁夏回族自治区生态环境厅"])
        XCTAssertEqual(words("杭州市委社会工作部"), ["杭州市委社会工作部"])
        XCTAssertEqual(words("杭州市委组织部办公室"), ["杭州市委组织部办公室"])
        XCTAssertEqual(words("深圳市委网信办"), ["深圳市委网信办"])
        XCTAssertEqual(words("河南省人民政府办公厅关于加快推进数字化转型的实施意见"), ["河南省人民政府办公厅关于加快推进数字化转型的实施意见"])
    }

    func testDivisionsTheLexiconLacks() {
        // A name and a level the lexicon does not hold together, an autonomous area by its peoples,
        // a prefecture's administration.
        XCTAssertEqual(words("张家界市文化旅游广电体育局"), ["张家界市文化旅游广电体育局"])
        XCTAssertEqual(words("霍尔果斯市人民政府"), ["霍尔果斯市人民政府"])
        XCTAssertEqual(words("苏州市吴中区人民政府"), ["苏州市吴中区人民政府"])
        XCTAssertEqual(words("湘西州委"), ["湘西州委"])
        XCTAssertEqual(words("新晃侗族自治县"), ["新晃侗族自治县"])
        XCTAssertEqual(words("阿里地区行政公署"), ["阿里地区行政公署"])
        XCTAssertEqual(Segmenters.coarse.words("长沙经济技术开发区管委会"), ["长沙经济技术开发区管委会"])
        // A level that starts a word is none.
        XCTAssertEqual(words("加强区域合作"), ["加强", "区域", "合作"])
        XCTAssertEqual(words("全市区域发展"), ["全市", "区域", "发展"])
    }

    /// What a review of provincial news found the first version gluing or cutting.
    func testRegionalNamesStayOutOfSentences() {
        XCTAssertEqual(words("江苏省举办人工智能大会"), ["江苏省", "举办", "人工智能", "大会"])
        XCTAssertEqual(words("江苏省出台数据局"), ["江苏省", "出台", "数据", "局"])
        XCTAssertEqual(words("北京市人民政府印发办法"), ["北京市人民政府", "印发", "办法"])
        XCTAssertEqual(words("省政协十二届五次会议开幕"), ["省政协", "十二届", "五次", "会议", "开幕"])
        XCTAssertEqual(words("全体市委委员出席"), ["全体", "市委", "委员", "出席"])
        XCTAssertEqual(words("地级市人民政府统筹推进"), ["地级市", "人民政府", "统筹", "推进"])
        XCTAssertEqual(words("上海市委托上海市教委组织实施"), ["上海市", "委托", "上海市教委", "组织", "实施"])
        XCTAssertEqual(words("召开国务院第一次全体会议强调"), ["召开", "国务院第一次全体会议", "强调"])
        // A title the lexicon lists keeps its organ's first characters.
        XCTAssertEqual(Segmenters.coarse.words("北京市委书记"), ["北京", "市委书记"])
        XCTAssertEqual(Segmenters.coarse.words("湖南省第十二次党代会代表"), ["湖南省", "第十二次", "党代会代表"])
        XCTAssertEqual(Segmenters.coarse.words("山区县委书记"), ["山区", "县委书记"])
    }

    func testRegionalOrgansStopWhereTheNameDoes() {
        // A kind of place heads no organ; a tail inside a word ends none; a word that goes on past
        // the organ keeps its place.
        XCTAssertEqual(words("城市老爷卫生部"), ["城市", "老爷", "卫生部"])
        XCTAssertEqual(words("东北地区发展和改革委员会"), ["东北地区", "发展", "和", "改革", "委员会"])
        XCTAssertEqual(words("云南省公安厅指挥部署"), ["云南省公安厅", "指挥", "部署"])
        XCTAssertEqual(words("新疆维吾尔自治区党委书记"), ["新疆维吾尔自治区", "党委书记"])
        XCTAssertEqual(words("江西省委召开常委会"), ["江西省委", "召开", "常委会"])
        // Two organs side by side stay two, and a verb is in no name.
        XCTAssertEqual(words("浙江省人民政府和商务部"), ["浙江省人民政府", "和", "商务部"])
        XCTAssertEqual(words("全国人大与俄罗斯联邦会议"), ["全国人大", "与", "俄罗斯联邦", "会议"])
        XCTAssertEqual(words("中央和国务院建议全国人民代表大会"), ["中央", "和", "国务院", "建议", "全国人民代表大会"])
    }

    func testRegulationsOfDivisions() {
        XCTAssertEqual(words("广东省数字经济促进条例"), ["广东省数字经济促进条例"])
        XCTAssertEqual(words("北京市生活垃圾管理条例"), ["北京市生活垃圾管理条例"])
        // A verb after the division ends the title; rules pointed to are not named.
        XCTAssertEqual(words("上海市出台规定"), ["上海市", "出台", "规定"])
        XCTAssertEqual(words("浙江省没有办法"), ["浙江省", "没有", "办法"])
        XCTAssertEqual(words("江苏省有关规定"), ["江苏省", "有关", "规定"])
    }

    func testMeetingsOfOrgans() {
        XCTAssertEqual(words("中央财经委员会第四次会议"), ["中央财经委员会第四次会议"])
        XCTAssertEqual(words("国务院第一次全体会议"), ["国务院第一次全体会议"])
        XCTAssertEqual(words("浙江省委十五届六次全会"), ["浙江省委十五届六次全会"])
        XCTAssertEqual(words("四川省第十二次党代会"), ["四川省第十二次党代会"])
    }

    func testOrgansByHeadWordsAndTail() {
        XCTAssertEqual(words("贯彻中央审计委员会的要求"), ["贯彻", "中央审计委员会", "的", "要求"])
        XCTAssertEqual(words("国家发展和改革委员会"), ["国家发展和改革委员会"])
        XCTAssertEqual(words("中央和国家机关工作委员会"), ["中央和国家机关工作委员会"])
        XCTAssertEqual(words("国家卫生健康委员会发布"), ["国家卫生健康委员会", "发布"])
        XCTAssertEqual(words("国务院办公厅印发"), ["国务院办公厅", "印发"])
        // A tail the general lexicon holds rarely (领导小组, 3 occurrences) is still one word.
        XCTAssertEqual(words("中央住房改革领导小组"), ["中央住房改革领导小组"])
        XCTAssertEqual(words("国务院农村改革工作小组"), ["国务院农村改革工作小组"])
    }

    func testOrganNamesStopAtGoverningVerbsAndWords() {
        // A governing verb is never inside a name; the organ starts at the second head.
        XCTAssertEqual(words("中央决定成立中央金融委员会"), ["中央", "决定", "成立", "中央金融委员会"])
        // 部 that starts a word (部门, 部署) ends no organ; 区 inside 地区 starts none.
        XCTAssertEqual(words("国家有关部门部署"), ["国家有关", "部门", "部署"])
        XCTAssertEqual(words("地区发展和改革委员会"), ["地区", "发展", "和", "改革", "委员会"])
    }

    func testCampaignsAndZones() {
        XCTAssertEqual(words("坚决打赢碧水保卫战"), ["坚决", "打赢", "碧水保卫战"])
        XCTAssertEqual(words("打赢污染防治攻坚战"), ["打赢", "污染防治攻坚战"])
        // A verb does not start a name the lexicon does not know (防范 化解 are verbs).
        XCTAssertEqual(words("防范化解重大风险攻坚战"), ["防范", "化解", "重大风险攻坚战"])
        XCTAssertEqual(words("开展党史学习教育"), ["开展", "党史学习教育"])
        XCTAssertEqual(words("建设天津滨海新区"), ["建设", "天津滨海新区"])
    }

    func testNumberedFormulasWithLongNumerals() {
        XCTAssertEqual(words("取得十三个方面成就"), ["取得", "十三个方面成就"])
        XCTAssertEqual(words("坚持二十四字方针"), ["坚持", "二十四字方针"])
        XCTAssertEqual(words("九条不动"), ["九条", "不", "动"])
        // After 个 a governing verb is part of the formula; after 条 it is not, nor is a free
        // combination the general lexicon lists (取得成效).
        XCTAssertEqual(words("做到两个确保"), ["做到", "两个确保"])
        XCTAssertEqual(words("十条取得成效"), ["十条", "取得", "成效"])
        // A number of several numerals reads as one, with a governing verb after 个 as with one.
        XCTAssertEqual(words("做到十三个确保"), ["做到", "十三个确保"])
        // The longest word decides: 自治州 is counted, so 自治 completes no formula.
        XCTAssertEqual(words("共有二十九个自治州"), ["共有", "二十九个", "自治州"])
        XCTAssertEqual(words("设立五个经济特区"), ["设立", "五个", "经济特区"])
    }

    /// A word the corpora count after many numbers completes no formula; a number after 第 is an
    /// ordinal however many characters it has (not 第十|一条意见), and a congress the lexicon knows
    /// is complete.
    func testCountedWordsOrdinalsAndCongressesEndNoFormula() {
        XCTAssertEqual(words("从五个方面推进"), ["从", "五个", "方面", "推进"])
        XCTAssertEqual(words("出台三项措施"), ["出台", "三项", "措施"])
        XCTAssertEqual(words("八个部门联合印发"), ["八个", "部门", "联合", "印发"])
        // A plain noun after a measure word other than 大 and 字 is counted; a verb makes a formula.
        XCTAssertEqual(words("开通两条高铁"), ["开通", "两条", "高铁"])
        XCTAssertEqual(words("覆盖十二个乡镇"), ["覆盖", "十二个", "乡镇"])
        XCTAssertEqual(words("做到两个确保"), ["做到", "两个确保"])
        // The longest word decides: 自治州 is counted, so 自治 completes no formula.
        XCTAssertEqual(words("共有二十九个自治州"), ["共有", "二十九个", "自治州"])
        XCTAssertEqual(words("设立五个经济特区"), ["设立", "五个", "经济特区"])
        // A number of several numerals reads as one, with a governing verb after 个 as with one.
        XCTAssertEqual(words("做到十三个确保"), ["做到", "十三个确保"])
        XCTAssertEqual(words("推进三大攻坚战"), ["推进", "三大攻坚战"])
        XCTAssertEqual(words("做到两个维护"), ["做到", "两个维护"])
        XCTAssertEqual(words("东盟是第一大贸易伙伴"), ["东盟", "是", "第一", "大", "贸易", "伙伴"])
        XCTAssertEqual(words("第十一条意见"), ["第十一条", "意见"])
        XCTAssertEqual(Segmenters.coarse.words("要把十二大落到实处"), ["要", "把", "十二大", "落到实处"])
    }

    /// A chain's last pair takes no function character and no start of a common word, and a chain's
    /// second pair starts no formula of its own.
    func testChainsEndWhereTheNextWordStarts() {
        XCTAssertEqual(words("一国两制取得新进展"), ["一国两制", "取得", "新进展"])
        XCTAssertEqual(words("五讲四美的要求"), ["五讲四美", "的", "要求"])
        XCTAssertEqual(words("把三重一大落到实处"), ["把", "三重", "一大", "落到实处"])
        XCTAssertEqual(Segmenters.coarse.words("把三重一大落到实处"), ["把", "三重一大", "落到实处"])
        // No chain starts inside a common word.
        XCTAssertEqual(words("进一步一项制度"), ["进一步", "一项", "制度"])
        XCTAssertEqual(words("进一步两场攻坚战"), ["进一步", "两场", "攻坚战"])
    }

    /// A plenary session by its number, with or without the term before it; a system tail that
    /// begins a longer word ends no name.
    func testSessionsByTheirNumbers() {
        XCTAssertEqual(words("召开四次全会"), ["召开", "四次全会"])
        // The organ that holds it goes with it.
        XCTAssertEqual(words("省委十四届六次全会"), ["省委十四届六次全会"])
        XCTAssertEqual(words("召开十四届六次全会"), ["召开", "十四届六次全会"])
        // 两 counts sessions; it numbers none.
        XCTAssertEqual(words("召开两次全会"), ["召开", "两次", "全会"])
        XCTAssertEqual(Segmenters.coarse.words("构建市场主体制度性安排"), ["构建", "市场主体", "制度性", "安排"])
    }

    /// The state's, the Party's or the army's name and an organ the lexicon knows: one organ. Not
    /// an organization that is no organ (建交国, 中西部), and not where a longer word goes on (司法部长).
    func testOrgansAfterTheStatesName() {
        XCTAssertEqual(words("中华人民共和国人民法院"), ["中华人民共和国人民法院"])
        XCTAssertEqual(words("中华人民共和国成立"), ["中华人民共和国", "成立"])
        XCTAssertEqual(words("中华人民共和国司法部长"), ["中华人民共和国", "司法部长"])
        XCTAssertEqual(words("同中华人民共和国建交国家"), ["同", "中华人民共和国", "建交", "国家"])
        XCTAssertEqual(words("中华人民共和国中西部地区"), ["中华人民共和国", "中西部", "地区"])
    }

    func testLawsByTheirFullTitles() {
        XCTAssertEqual(words("施行中华人民共和国学位条例以来"), ["施行", "中华人民共和国学位条例", "以来"])
        XCTAssertEqual(words("依照中华人民共和国农业技术推广法的规定"), ["依照", "中华人民共和国农业技术推广法", "的", "规定"])
        // A two-character word ending in 法 ends no title; nor does a name without a law's tail.
        XCTAssertEqual(words("中华人民共和国公民依法享有权利"), ["中华人民共和国", "公民", "依法", "享有", "权利"])
        XCTAssertEqual(words("中华人民共和国成立以来"), ["中华人民共和国", "成立", "以来"])
        // 法 that starts a word (法院, 法规) ends no title, unless a word starts right after it; an
        // organ after the state's name is an organ (testOrgansAfterTheStatesName), not a law, unless
        // a longer word goes on from its end (庭审).
        XCTAssertEqual(words("中华人民共和国人民法院依法审判"), ["中华人民共和国人民法院", "依法", "审判"])
        XCTAssertEqual(words("中华人民共和国国旗法规定"), ["中华人民共和国国旗法", "规定"])
        XCTAssertEqual(words("中华人民共和国人民法庭审理"), ["中华人民共和国", "人民法庭", "审理"])
    }

    /// Titles no dictionary lists: words joined by 和, 及 or 与, and the Party's and the army's
    /// regulations with their own tails.
    func testLawsWithConjunctionsAndOtherLawgivers() {
        XCTAssertEqual(words("依照中华人民共和国港口及航道保护法的规定"), ["依照", "中华人民共和国港口及航道保护法", "的", "规定"])
        XCTAssertEqual(words("中华人民共和国渔业和海域法"), ["中华人民共和国渔业和海域法"])
        // A conjunction after a complete title joins two laws, not the words of one.
        XCTAssertEqual(words("依据中华人民共和国票据法和公司法的规定"), ["依据", "中华人民共和国票据法", "和", "公司法", "的", "规定"])
        XCTAssertEqual(words("中华人民共和国宪法和法律"), ["中华人民共和国宪法", "和", "法律"])
        XCTAssertEqual(words("他说，中国共产党党员廉洁自律若干准则很重要。"), ["他", "说", "，", "中国共产党党员廉洁自律若干准则", "很", "重要", "。"])
        XCTAssertEqual(words("中国人民解放军警备条令规定"), ["中国人民解放军警备条令", "规定"])
        // Each lawgiver has its own tails: the Party's name before 条令, or 规定 as a verb, ends no title.
        XCTAssertEqual(words("中国共产党章程规定"), ["中国共产党", "章程", "规定"])
        XCTAssertEqual(words("中国共产党和中国人民解放军条令"), ["中国共产党", "和", "中国人民解放军", "条令"])
    }

    /// Known formulations of one length, each starting with the first one's character, make one
    /// slogan; others side by side stay apart.
    func testParallelSlogans() {
        let coarse = Segmenters.coarse
        XCTAssertEqual(coarse.words("坚持依宪治国依宪执政"), ["坚持", "依宪治国依宪执政"])
        XCTAssertEqual(coarse.words("做好保交楼保民生保稳定工作"), ["做好", "保交楼保民生保稳定", "工作"])
        XCTAssertEqual(coarse.words("稳增长促改革调结构"), ["稳增长", "促改革", "调结构"])
        XCTAssertEqual(coarse.words("全面从严治党全面深化改革"), ["全面从严治党", "全面深化改革"])
        // Only formulations the lexicon knows, and no part repeating the one before it.
        XCTAssertEqual(coarse.words("三个坚持三个确保"), ["三个坚持", "三个确保"])
        XCTAssertEqual(coarse.words("防风险防风险"), ["防风险", "防风险"])
        XCTAssertEqual(coarse.words("做到两个确立两个维护"), ["做到", "两个确立", "两个维护"])
    }

    func testRegulationsMeasuresAndPlansByTheirTails() {
        XCTAssertEqual(words("要认真贯彻烈士褒扬条例的各项要求"), ["要", "认真", "贯彻", "烈士褒扬条例", "的", "各项", "要求"])
        XCTAssertEqual(words("研究制定中小学教材管理办法"), ["研究", "制定", "中小学教材管理办法"])
        XCTAssertEqual(words("立即启动地震应急预案"), ["立即", "启动", "地震应急预案"])
        // Without the political lexicon a frequent word stays outside (国家 costs too much).
        XCTAssertEqual(words("启动国家地震应急预案"), ["启动", "国家", "地震应急预案"])
        // A verb, or a word that points to documents without naming them, starts no title.
        XCTAssertEqual(words("各地要制定实施方案"), ["各地", "要", "制定", "实施", "方案"])
        XCTAssertEqual(words("按照有关管理办法执行"), ["按照", "有关", "管理", "办法", "执行"])
        XCTAssertEqual(words("按照相关实施细则执行"), ["按照", "相关", "实施", "细则", "执行"])
        XCTAssertEqual(words("修改现行管理办法"), ["修改", "现行", "管理", "办法"])
    }

    func testMeetingsByTheirNumbers() {
        XCTAssertEqual(words("党的十一届三中全会以来"), ["党的十一届三中全会", "以来"])
        XCTAssertEqual(words("十八届四中全会和中共二十大"), ["十八届四中全会", "和", "中共二十大"])
    }

    /// A document title: the organs that issue it, 关于, its subject, the first 的 followed by a kind
    /// of document. Without an organ before 关于 there is no title, and a kind of document that
    /// begins a longer word (决定性) ends none.
    func testDocumentTitlesByTheirIssuers() {
        XCTAssertEqual(words("中共中央关于全面深化改革若干重大问题的决定"), ["中共中央关于全面深化改革若干重大问题的决定"])
        XCTAssertEqual(words("中共中央国务院关于实施乡村振兴战略的意见"), ["中共中央国务院关于实施乡村振兴战略的意见"])
        XCTAssertEqual(words("国务院关于金融工作情况的报告的审议"), ["国务院关于金融工作情况的报告", "的", "审议"])
        XCTAssertEqual(words("他说关于这个问题的意见很重要"), ["他", "说", "关于", "这个", "问题", "的", "意见", "很", "重要"])
        XCTAssertEqual(
            words("国务院办公厅关于发挥市场的决定性作用的意见"),
            ["国务院办公厅", "关于", "发挥", "市场", "的", "决定性", "作用", "的", "意见"])
        XCTAssertEqual(words("国务院关于这个问题的意见是明确的"), ["国务院", "关于", "这个", "问题", "的", "意见", "是", "明确", "的"])
        // No issuer starts inside a word (斯政府 is a general-lexicon organ).
        XCTAssertEqual(words("洪都拉斯政府关于终止引渡条约的决定"), ["洪都拉斯", "政府", "关于", "终止", "引渡", "条约", "的", "决定"])
        // A title naming another ends at its own kind of document.
        XCTAssertEqual(words("审议国务院关于提请审议关于设立全国生态日的决定草案的议案"), ["审议", "国务院关于提请审议关于设立全国生态日的决定草案的议案"])
    }

    /// A central or national organ takes its term's number, whether or not the lexicon has seen
    /// that term (二十一届); a number with 届 before anything else stays apart.
    func testOrgansByTheirTerms() {
        XCTAssertEqual(words("十二届中央政治局委员"), ["十二届中央政治局", "委员"])
        XCTAssertEqual(words("二十一届中央委员会"), ["二十一届中央委员会"])
        XCTAssertEqual(words("七届全国人大常委会"), ["七届全国人大常委会"])
        XCTAssertEqual(words("三届中央"), ["三届", "中央"])
        XCTAssertEqual(words("第二十届中央委员会第三次全体会议"), ["第二十届中央委员会第三次全体会议"])
        XCTAssertEqual(words("党的第十八届中央委员会"), ["党的第十八届中央委员会"])
        // A count, a year, or an organ that is neither central nor national has no term.
        XCTAssertEqual(words("他连任两届全国人大代表"), ["他", "连任", "两届", "全国", "人大代表"])
        XCTAssertEqual(words("她是二〇二四届中国人民大学毕业生"), ["她", "是", "二〇二四", "届", "中国人民大学", "毕业生"])
        XCTAssertEqual(words("他担任过三届中国足协主席"), ["他", "担任", "过", "三届", "中国足协", "主席"])
        XCTAssertEqual(Segmenters.fine.words("十八届中央委员会"), ["十八", "届", "中央", "委员会"])
    }

    /// A verb, or any frequent word, before a campaign or zone tail stays a word of its own; rare
    /// words join the name. (With the political lexicon too: 研究 stays apart from 主题教育.)
    func testVerbsBeforeTailsStayApart() {
        XCTAssertEqual(words("要研究蓝天保卫战的要求"), ["要", "研究", "蓝天保卫战", "的", "要求"])
        XCTAssertEqual(words("各地积极参与浦东新区建设"), ["各地", "积极", "参与", "浦东新区", "建设"])
        XCTAssertEqual(Segmenters.coarse.words("研究主题教育"), ["研究", "主题教育"])
        XCTAssertEqual(Segmenters.coarse.words("要领会乡村振兴战略的要求"), ["要", "领会", "乡村振兴战略", "的", "要求"])
    }

    /// A name does not start inside a common word (关于), and a one-character tail ends the name when
    /// a longer word follows it (参谋部|落到实处, though 部落 is a word).
    func testSystemsOrgansAndWhereNamesStart() {
        XCTAssertEqual(words("关于碧水保卫战的意见"), ["关于", "碧水保卫战", "的", "意见"])
        // Words alone before a system tail make no name: a verb and its object stay apart.
        XCTAssertEqual(words("调整财政政策"), ["调整", "财政", "政策"])
        XCTAssertEqual(words("学习目标纲要"), ["学习", "目标", "纲要"])
        XCTAssertEqual(words("要把军委联合参谋部落到实处"), ["要", "把", "军委联合参谋部", "落到实处"])
        XCTAssertEqual(words("召开党的全国代表大会"), ["召开", "党的全国代表大会"])
        // A tail right after a function character ends no name of words (全会|精神: 会).
        XCTAssertEqual(Segmenters.coarse.words("领会全会精神"), ["领会", "全会", "精神"])
    }

    func testFreeVerbsAndPredicatesStayApart() {
        XCTAssertEqual(words("推动高质量发展"), ["推动", "高质量", "发展"])
        // Rare general-lexicon entries made of two common words, and organs made of two organs,
        // are phrases: 成效|显著, 中共中央|国务院.
        XCTAssertEqual(words("改革成效显著"), ["改革", "成效", "显著"])
        XCTAssertEqual(words("中共中央国务院印发"), ["中共中央", "国务院", "印发"])
        // Rare entries starting with a verb or an adjective are a verb and its object, an adverb
        // and its verb: 解决|问题, 明显|改善.
        XCTAssertEqual(words("切实解决问题"), ["切实", "解决", "问题"])
        XCTAssertEqual(words("空气质量明显改善"), ["空气", "质量", "明显", "改善"])
        // A rare word stays whole unless both its parts are everyday words (率先垂范, 正本清源).
        XCTAssertEqual(words("圆满完成任务"), ["圆满", "完成", "任务"])
        XCTAssertEqual(words("领导干部率先垂范"), ["领导", "干部", "率先垂范"])
        XCTAssertEqual(words("正本清源的要求"), ["正本清源", "的", "要求"])
        XCTAssertEqual(words("他说，管理制度很重要。"), ["他", "说", "，", "管理制度", "很", "重要", "。"])
    }
}
