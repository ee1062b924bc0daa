//! Chinese word boundaries for line breaks in chart titles: forward maximum matching over a small lexicon of the words of matter and item names.
//!
//! A line may break only between words, so 出生医学证明 never becomes 出生医 / 学证明. A run of
//! Chinese characters is cut into the longest lexicon words from the left; a character no
//! word starts with stands alone (a break next to it is allowed). The lexicon holds the words
//! of the example matters' names and the common words of government service names; a name with
//! words it lacks still wraps, only with more break opportunities.

/// The longest word of the lexicon, in characters.
const MAX_WORD: usize = 4;

/// Words of government service names (事项名称), two to four characters.
const WORDS: &[&str] = &[
    // People, bodies and documents.
    "居民",
    "城乡",
    "企业",
    "单位",
    "个人",
    "职工",
    "员工",
    "人员",
    "公众",
    "父母",
    "新生儿",
    "申请人",
    "法人",
    "部门",
    "机构",
    "银行",
    "医院",
    "派出所",
    "政务",
    "中心",
    "窗口",
    "证明",
    "证书",
    "证照",
    "执照",
    "许可证",
    "公章",
    "印章",
    "发票",
    "账户",
    "户口",
    "户籍",
    "身份证",
    "照片",
    "材料",
    "表格",
    "合同",
    "协议",
    "章程",
    "名称",
    "住所",
    "场所",
    "设施",
    "招牌",
    "信息",
    "数据",
    "结果",
    "待遇",
    "年限",
    "费用",
    // Domains.
    "出生",
    "医学",
    "预防",
    "接种",
    "医疗",
    "医保",
    "保险",
    "社会",
    "保障",
    "养老",
    "生育",
    "失业",
    "工伤",
    "住房",
    "公积金",
    "税务",
    "数电",
    "税控",
    "食品",
    "餐饮",
    "服务",
    "经营",
    "营业",
    "消防",
    "安全",
    "烟草",
    "专卖",
    "零售",
    "户外",
    "婚姻",
    "退休",
    "死亡",
    "残疾",
    "教育",
    "入学",
    "就业",
    "创业",
    "交通",
    "车辆",
    "驾驶",
    "不动产",
    "预包装",
    "聚集",
    // Acts.
    "登记",
    "签发",
    "办理",
    "申领",
    "申请",
    "申报",
    "领取",
    "变更",
    "注销",
    "设立",
    "开办",
    "新办",
    "备案",
    "核验",
    "核定",
    "核发",
    "核查",
    "审核",
    "审批",
    "许可",
    "检查",
    "检验",
    "刻制",
    "参保",
    "缴存",
    "缴费",
    "封存",
    "提取",
    "开户",
    "预约",
    "结算",
    "销售",
    "投入",
    "使用",
    "设置",
    "告知",
    "承诺",
    "受理",
    "送达",
    "补缴",
    "转移",
    "接续",
    "认定",
    "确认",
    "办结",
    "提前",
    "正常",
    "基本",
    "首次",
    "统一",
    "联办",
];

/// Splits a run of Chinese characters into words: the longest lexicon word at each position,
/// else one character.
pub fn segment(run: &str) -> Vec<String> {
    // Where each character starts, and the run's end: candidates are slices of `run`, looked
    // up in a hash set (building a `String` per candidate and scanning the list was 1.7 % of
    // a catalog's build).
    let starts: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    let chars = starts.len() - 1;
    let words = lexicon();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars {
        let longest = (2..=MAX_WORD.min(chars - at))
            .rev()
            .find(|n| words.contains(&run[starts[at]..starts[at + n]]))
            .unwrap_or(1);
        out.push(run[starts[at]..starts[at + longest]].to_owned());
        at += longest;
    }
    out
}

/// The lexicon as a set, made once.
fn lexicon() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| WORDS.iter().copied().collect())
}

/// Whether `c` is a Chinese character (a CJK ideograph) that words are made of.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_examples_stay_whole() {
        assert_eq!(
            segment("出生医学证明首次签发"),
            ["出生", "医学", "证明", "首次", "签发"]
        );
        assert_eq!(
            segment("烟草专卖零售许可证核发"),
            ["烟草", "专卖", "零售", "许可证", "核发"]
        );
        assert_eq!(segment("社会保障卡申领"), ["社会", "保障", "卡", "申领"]);
        assert_eq!(
            segment("仅销售预包装食品备案"),
            ["仅", "销售", "预包装", "食品", "备案"]
        );
    }

    #[test]
    fn the_lexicon_has_no_word_longer_than_its_bound() {
        for w in WORDS {
            let n = w.chars().count();
            assert!((2..=MAX_WORD).contains(&n), "{w}");
            assert!(w.chars().all(is_han), "{w}");
        }
    }
}
