"""Romanise Chinese names with pypinyin: 略阳县 → "Lüeyang Xian", 景宁畲族自治县 → "Jingning Shezu Zizhixian"."""
from __future__ import annotations

from functools import cache

# Generic heads written as their own word, longest first so that 自治县 beats 县.
HEADS = (
    ("特别行政区", "Tebie Xingzhengqu"), ("自治区", "Zizhiqu"), ("自治州", "Zizhizhou"), ("自治县", "Zizhixian"),
    ("自治旗", "Zizhiqi"), ("有限公司", "Youxian Gongsi"), ("职业技术学院", "Zhiye Jishu Xueyuan"),
    ("实验学校", "Shiyan Xuexiao"), ("幼儿园", "Youeryuan"), ("教育局", "Jiaoyuju"), ("教育厅", "Jiaoyuting"),
    ("地区", "Diqu"), ("新区", "Xinqu"), ("特区", "Tequ"), ("矿区", "Kuangqu"), ("街道", "Jiedao"),
    ("大学", "Daxue"), ("学院", "Xueyuan"), ("中学", "Zhongxue"), ("小学", "Xiaoxue"), ("学校", "Xuexiao"),
    ("集团", "Jituan"), ("协会", "Xiehui"), ("基金会", "Jijinhui"),
    ("省", "Sheng"), ("市", "Shi"), ("县", "Xian"), ("区", "Qu"), ("盟", "Meng"), ("旗", "Qi"),
    ("镇", "Zhen"), ("乡", "Xiang"), ("村", "Cun"),
)
# The 55 minority nationalities, read as words of their own inside autonomous divisions' names.
NATIONS = sorted("""蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族
黎族 傈僳族 佤族 畲族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族
仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族
鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 高山族 各族 蒙古 哈萨克 锡伯 塔吉克 柯尔克孜""".split(), key=len, reverse=True)
# Readings pypinyin gets wrong for places, and official spellings that differ from plain pinyin.
SPECIAL = {"陕西": "Shaanxi", "内蒙古": "Nei Mongol", "六安": "Lu'an", "铅山": "Yanshan", "乐亭": "Laoting", "蔚": "Yu", "单": "Shan",
           "莘": "Shen", "番禺": "Panyu", "洪洞": "Hongtong", "丽水": "Lishui", "蚌埠": "Bengbu", "东阿": "Dong'e",
           "长治": "Changzhi", "重庆": "Chongqing", "厦门": "Xiamen", "乐清": "Yueqing", "大足": "Dazu"}
MAX_HEADS = 3  # 某某县实验学校: at most a few generic words come off the end


@cache
def _pinyin():
    """Return pypinyin's reader of plain syllables, imported once and only when a name is romanised (it
    takes 0.2 s to import, which a rebuild that extracts nothing should not pay)."""
    from functools import partial

    from pypinyin import Style, lazy_pinyin

    return partial(lazy_pinyin, style=Style.NORMAL)


def _word(chinese: str) -> str:
    """Romanise one word: syllables run together, an apostrophe before a/o/e, first letter capital."""
    if chinese in SPECIAL:
        return SPECIAL[chinese]
    out = ""
    for syllable in _pinyin()(chinese, v_to_u=True, errors="default"):
        if out and syllable[:1] in "aoe" and out[-1:].isalpha():
            out += "'"
        out += syllable
    return out[:1].upper() + out[1:]


@cache
def romanise(name: str) -> str:
    """Return a romanised label for any Chinese name, generic words (县, 自治县, 大学...) set apart."""
    tail: list[str] = []
    stem = name.strip()
    for _ in range(MAX_HEADS):
        head = next(((c, r) for c, r in HEADS if stem.endswith(c) and len(stem) > len(c)), None)
        if head is None:
            break
        stem = stem[: -len(head[0])]
        tail.insert(0, head[1])
        if head[0].startswith("自治"):
            while (nation := next((n for n in NATIONS if stem.endswith(n) and len(stem) > len(n) + 1), None)):
                stem = stem[: -len(nation)]
                tail.insert(0, _word(nation))
            break
    return " ".join([_word(stem), *tail]) if stem else " ".join(tail)
