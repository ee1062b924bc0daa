# 诊断信息，简体中文。消息 id 与英文目录（en/diagnostics.ftl）一一对应，参数同名。
# 代码、关键字和名称保持原样并用反引号标出，便于在源文件中查找。

## 输出格式

render-error = 错误
render-warning = 警告
render-note = 说明：{ $text }
render-help = 处理办法：{ $text }

## 通用

did-you-mean = 是否应为 `{ $name }`？
expected-one-of = 可用的写法有：{ $names }
list-comma = { $a }、{ $b }
list-or = { $a }或{ $b }

## 语法分析时期望或遇到的内容（e0001 的参数）

expect-end = 语句结尾
expect-name = 名称
expect-string = 双引号括起的字符串
expect-number = 数字
expect-percent = 百分比（如 `80%`）
expect-duration = 时限（如 `5 workdays` 或 `immediate`）
expect-condition = 条件
expect-option-name = 选项名称
expect-cmp-op = `==` 或 `!=`
expect-field-type = 字段类型
expect-code = `{ $code }`
expect-and-or = `and` 或 `or`
expect-value = 取值
expect-attribute = 属性
expect-entry = 字段条目
expect-option = 选项
expect-else = 其他内容
expect-statement = 语句
found-string = 字符串
found-unreadable = 无法在此处识别的文本
stmt-top = 顶层语句
stmt-department = 部门属性
stmt-matter = 事项语句
stmt-item = 办理环节语句
stmt-flow = 流程语句（`accept`、`deliver` 或 `A -> B`）
stmt-options = 选项 `ID "标签"`
stmt-constraint = 校验约束
stmt-material = 材料属性
stmt-output = 办理结果属性
stmt-review = 双引号括起的审查要点
stmt-limit = 分情形时限 `时限 当 条件` 或 `否则 时限`

## 内部错误（I0001）

i0001-unexpected = 内部错误：意外的语法节点 { $kind }
i0001-here = 此处
i0001-syntax-note = 这是 yjs 自身的缺陷，不是源文件的问题；请附上此文件报告该问题
i0001-emit = 内部错误：{ $what }
i0001-emit-note = 输入已通过检查且没有错误，因此这是 yjs 自身的缺陷，不是源文件的问题
i0001-emit-help = 请附上触发该问题的文件报告该问题

## 语法（E00xx）

e0001 = 此处应为{ $expected }，实际为{ $found }
e0001-label = 此处应为{ $expected }
e0001-not = 不是{ $expected }
e0001-end-help = 每条语句单独成行，或用 `;` 分隔各条语句
e0002 = 源文件过大（{ $size } 字节，上限为 { $max } 字节）
e0002-label = 文件从此处开始
e0002-note = 一个事项通常只有几百行；如此大的文件几乎不可能是手工编写的事项
e0002-help = 将目录拆分为每个事项一个文件，共用部分通过 `use` 引用
e0003 = 文件不是有效的 UTF-8 编码
e0003-label = 第一个无效字节位于此处
e0003-note = yjs 按 UTF-8 文本读取源文件；以 GBK 或 GB 18030 编码保存的文件会出现此错误
e0003-help = 将文件另存为 UTF-8 编码（多数编辑器中：“以指定编码保存”→ UTF-8）
e0004 = 源文件中有控制字符 { $char }
e0004-label = 此字符不可见
e0004-note = NUL 等控制字符在编辑器中不可见，通常来自二进制文件或错误的复制粘贴
e0004-help = 删除该字符，或将文件重新保存为纯 UTF-8 文本
e0005 = 字符串未结束
e0005-label = 此字符串在本行内没有结束的 `"`
e0005-note = 字符串必须在同一行内开始和结束
e0005-help = 补上结束的 `"`；字符串内的引号写作 `\"`
e0006 = 块注释未结束
e0006-label = 此 `/*` 没有对应的结束标记
e0006-help = 用 `*/` 结束注释，或改用 `//` 单行注释
e0007-mismatched = 括号 `{ $found }` 不匹配
e0007-mismatched-label = 此处应为 `{ $expected }`
e0007-still-open = 此 `{ $opened }` 尚未闭合
e0007-mismatched-help = 在此位置之前用 `{ $expected }` 闭合 `{ $opened }`
e0007-unopened = 多余的 `{ $found }`
e0007-unopened-label = 此处没有待闭合的括号
e0007-unopened-help = 删除此括号，或补上与之对应的左括号
e0007-unclosed = `{ $open }` 未闭合
e0007-unclosed-label = 在此处打开，之后没有闭合
e0007-unclosed-help = 补上对应的 `{ $close }`
e0007-unclosed-nested-note = 缺少闭合括号的可能是内层的某个块：其后的括号配对方式与本意不同
e0008 = 括号嵌套超过 { $max } 层
e0008-label = 此括号嵌套过深
e0008-note = 嵌套过深的内容难以阅读；为保证编译器不会耗尽栈空间，此类输入一律拒绝
e0008-help = 将条件展平：`a and b and c` 不需要括号
e0008-lists = 列表嵌套超过 { $max } 层
e0008-lists-label = 此列表嵌套过深
e0008-lists-note = 列表中的每个列表都是表单中的表单；每多一层，表单产物中的 JSON 就多三层，而读取这些产物的程序对嵌套层数有限制
e0008-lists-help = 将表单展平：把内层列表的字段并入外层列表，或另设一个独立的列表
e0009 = 字符串中有无效的转义 `{ $esc }`
e0009-label = 不是有效的转义
e0009-help = 可用的转义有 `\"`、`\\`、`\n`、`\t` 和 `\u{"{"}XXXX{"}"}`；反斜杠本身写作 `\\`
e0010 = `{ $name }` 不是有效的{ $context }
e0010-label = 未知的{ $context }
e0011 = `{ $name }` 的值应为{ $wants }
e0011-label = 此处应为{ $wants }
e0011-help = 写作 `{ $name }` 后接{ $wants }
e0011-optional-note = 材料的 `optional` 表示该材料非必要；由申请人选择是否办理的事项，应在事项中写 `optional "问题"`
e0012 = `{ $what }` 重复给出
e0012-label = 在此处再次给出
e0012-first = 在此处首次给出
e0012-help = 保留一条 `{ $what }` 语句，删除另一条
e0013 = 无效的数字：{ $what }
e0013-label = 此数字
e0013-help = 写整数（如 `3`），表示金额时写小数（如 `12.50`）
e0014-label = 此字段条目
e0014-no-type = 共用字段 `{ $name }` 没有类型
e0014-no-type-label = 既不是字段声明，也不是字典字段
e0014-no-type-help = 声明为 `{ $name } "标签" text`，或从字典引用，如 `{ $name } = person.name`
e0014-dict-in-form = 办理环节的表单不能直接引用字典字段
e0014-dict-in-form-label = 字典字段
e0014-dict-in-form-help = 在事项的 `shared` 块中加入 `{ $field } = { $dict }.{ $field }`，再在此处写 `{ $field }`
e0013-whole = `{ $what }` 必须是不超过 4294967295 的整数
e0013-fee = 收费金额应为非负的元数，最多两位小数
e0013-warn = 预警阈值应为 1% 至 100% 之间的整数百分比
e0014-declare-and-refer = 字段声明不能同时引用另一个字段
e0014-declare-and-refer-help = 要么声明新字段（`ID "标签" TYPE`），要么引用已有字段（`local = shared`），不能两者兼有
e0014-no-label = 字段 `{ $name }` 声明时没有标签
e0014-no-label-help = 给出申请人看到的标签：`{ $name } "标签" …`
e0014-plain-name = `=` 前面必须是简单名称
e0014-plain-name-help = 写作 `local = target`，如 `guardian_id = mother_id`
e0014-list-own-fields = 列表须声明自己的字段
e0014-list-own-fields-help = 每个成员写作 `ID "标签" TYPE {"{"} … {"}"}`
e0014-reuse-named = 复用的办理结果沿用该结果的名称
e0014-reuse-named-help = 删除此名称，或用 `material ID "名称"` 声明本环节自己的材料
e0014-material-no-name = 材料 `{ $name }` 没有名称
e0014-material-no-name-help = 写作 `material { $name } "材料名称" {"{"} original 1 {"}"}`，或以 `material ITEM.OUTPUT` 复用办理结果
e0014-dictionary-ref = 字典条目必须声明字段
e0014-dictionary-ref-help = 写作 `ID "标签" TYPE {"{"} 约束 {"}"}`，如 `name "姓名" text {"{"} max_length 50 {"}"}`
wants-one-string = 一个双引号括起的字符串
wants-one-number = 一个数字
wants-no-value = 无取值
wants-one-value = 一个取值
wants-required = 不带取值，或 `when` 加条件
context-constraint = 校验约束
context-reuse-attribute = 复用办理结果的属性（只允许 `when`）
context-material-attribute = 材料属性
context-output-attribute = 办理结果属性
context-department-attribute = 部门属性
e0019 = 此条件嵌套超过 { $max } 层
e0019-label = 嵌套过深
e0019-note = 每个 `not`，以及嵌在另一种列表中的每个 `and` 或 `or` 列表，各算一层；这样的条件难以阅读，为保证编译器各阶段及读取产物的工具都不会耗尽栈空间，一律拒绝
e0019-help = 去掉成对的 `not`（`not not a` 即 `a`），同一情形的多个可选答案写作 `s in [a, b]`，并将 `not` 向内移（`not (a and b)` 即 `not a or not b`）
e0025 = `{ $constraint }` 不能带条件：只有 `required` 可以写成 `required when …`
e0025-label = 给 `{ $constraint }` 加了条件
e0025-statement = 在这条约束中
e0025-note = 除 `required` 外，约束在字段出现在表单中的任何情形下都成立，因此没有自己的 `when`
e0025-help = 让 `{ $constraint }` 保持无条件；如果整个字段只属于某些情形，在这个块中为字段单独写一条 `when …`（字段及其 `{ $constraint }` 只在这些情形下存在）；如果只是在某些情形下必填，写 `required when …`
e0020-after = 此 `{ $what }` 中有分情形时限写在 `otherwise` 之后
e0020-after-label = 在 `otherwise` 之后
e0020-otherwise-label = `otherwise` 在此
e0020-after-help = `otherwise` 给出其上各项未涵盖的所有情况的时限：请将此项移到它之前
e0020-when = `otherwise` 不带条件
e0020-when-label = `otherwise` 带有 `when`
e0020-when-help = `otherwise` 是其他各项未涵盖的所有情况的时限；请将此时限单列一项（`时限 when 条件`），并在最后保留一项 `otherwise 时限`
e0020-bare = 此 `{ $what }` 的分情形时限既无 `when` 也无 `otherwise`
e0020-bare-label = 适用于哪些答案？
e0020-bare-help = 用 `when 条件` 写明其适用的答案；如果它是其他所有情况的时限，以 `otherwise` 开头并放在最后
e0020-empty = 此分情形的 `{ $what }` 没有带 `when` 的项
e0020-empty-label = 没有任何一项写明适用的答案
e0020-empty-help = 对所有申请人都相同的时限，不用花括号，直接写：`{ $what } 5 workdays`
e0021 = 一件事的承诺时限不能分情形
e0021-label = 分情形的时限
e0021-note = 一件事的承诺时限是窗口对每一位申请人承诺的总时限；规划按它检查每一种情形组合的总时长
e0021-help = 此处承诺最长的总时限，并在办理事项中分情形给出时限（在事项内写 `promise {"{"} 1 workday when a; otherwise 10 workdays {"}"}`）

## 名称解析（E01xx）

# 消息中提到的定义种类；未列出的种类按编译器使用的英文词显示。
kind = { $kind }
kind-a = { $kind }
kind-department = 部门
kind-dictionary = 字典
kind-matter = 事项
kind-item = 办理环节
kind-situation = 情形
kind-option = 选项
kind-shared-field = 共用字段
kind-form-field = 表单字段
kind-dictionary-field = 字典字段
kind-list-field = 列表字段
kind-material = 材料
kind-output = 办理结果
kind-delivery-channel = 送达方式
kind-item-kind = 环节类型
kind-reform-figure = 改革成效对比项
kind-a-department = 部门
kind-an-item = 办理环节
kind-a-situation = 情形
kind-a-shared-field = 共用字段
kind-field-of = `{ $dict }` 的字段
kind-output-of = `{ $item }` 的办理结果
owner-matter = 事项 `{ $name }`
owner-item = 办理环节 `{ $name }`

e0101 = 无法载入 `{ $path }`（系统报告：「{ $why }」）
e0101-label = 在此处引用
e0101-note = `use` 路径相对于包含该 `use` 的文件
e0101-help = 检查路径的拼写和所在目录
e0101-root-help = 检查命令行中给出的路径
e0102 = `use` 循环引用：`{ $target }` 已在载入过程中
e0102-label = 此 `use` 构成了循环
e0102-chain = `{ $file }` 在此处引用下一个文件
e0102-note = 多个文件可以共用同一个文件，但文件不能（间接地）引用自身
e0102-help = 将双方都需要的内容移到第三个文件中，由双方分别 `use`
e0103 = { $kind } `{ $name }` 重复定义
e0103-label = 在此处再次定义
e0103-first = 在此处首次定义
e0103-help = 重命名其中之一，或删除第二个{ $kind }
e0103-reserved = 办理环节 `{ $name }` 与{ $step ->
        [accept] 受理步骤
       *[deliver] 送达步骤
    }同名
e0103-reserved-label = `{ $name }` 是办理流程的{ $step ->
        [accept] 受理步骤
       *[deliver] 送达步骤
    }
e0103-reserved-note = 每个办理流程都有 `accept` 和 `deliver` 两个步骤；同名的办理环节会在 `plan.json` 中产生两个同名步骤
e0103-reserved-help = 重命名该办理环节，如 `{ $name }_item`
e0104 = 未知的{ $kind } `{ $name }`
e0104-label = 没有以此命名的{ $kind }
e0104-help = 先声明该{ $kind }，或检查本文件的 `use` 语句
e0104-not-visible-help = 该部门在 `{ $path }` 中声明：请为该文件添加一条 `use` 语句
e0104-not-option = `{ $name }` 不是情形 `{ $situation }` 的选项
e0104-situation-def = 该情形在此处声明
e0104-output-help = 在 `{ $item }` 中声明：`output { $output } "名称" {"{"} electronic {"}"}`
e0104-local-field-note = 如需声明仅本环节使用的字段，请给出类型：`ID "标签" text`
e0104-department-in-flow-note = `{ $name }` 是部门；流程连接的是办理环节
e0105 = `{ $name }` 是{ $found }，但此处需要{ $expected }
e0105-label = 此处应为{ $expected }
e0105-def = `{ $name }` 在此处定义为{ $found }
e0105-help = 此处应写{ $expected }的名称
e0106 = 未知的字段类型 `{ $name }`
e0106-label = 不是字段类型
e0106-note = 字段类型有 `text`、`integer`、`decimal`、`money`、`date`、`datetime`、`bool`、`choice`、`multi_choice`、`id_card`、`uscc`、`region`、`mobile`、`phone`、`email`、`file` 和 `list`
e0107-bare = 情形 `{ $name }` 有多个选项，不能单独作为条件
e0107-bare-label = 不是“是/否”类情形
e0107-bare-def = 在此处声明了选项
e0107-bare-help = 与某个选项比较，如 `{ $name } == { $option }`
e0107-bool = 情形 `{ $name }` 为“是/否”类，没有具名选项
e0107-bool-label = 此处应为 `true` 或 `false`
e0107-bool-def = 在此处声明为 `bool`
e0107-bool-help = “是”写作 `{ $name }`，“否”写作 `not { $name }`
e0107-literal = 情形 `{ $name }` 有具名选项，不是“是/否”类
e0107-literal-label = 此处应为它的某个选项
e0107-literal-def = 在此处声明
e0107-literal-help = 将 `{ $name }` 与它的某个选项比较
e0107-multi = 情形 `{ $name }` 为多选，其答案是一组选项，而不是单个选项
e0107-multi-label = 此处比较的是整组答案
e0107-multi-def = 在此处声明为 `multi`
e0107-multi-help = 逐个检查选项：申请人勾选了{ $which }时，`{ $test }` 成立
e0107-multi-which-one = `{ $option }`
e0107-multi-which-any = 其中任一选项
e0107-has-single = `{ $option } in { $name }` 需要多选情形，但 `{ $name }` 只有一个答案
e0107-has-single-label = 不是多选情形
e0107-has-single-def = 在此处声明为单一答案
e0107-has-single-help = 要检查其唯一的答案，写 { $rewrite }；要让申请人选择多个选项，声明为 `situation { $name } "…" multi {"{"} … {"}"}`
e0107-rewrite-bool = `{ $name }`（是）或 `not { $name }`（否）
e0107-rewrite-option = `{ $name } == { $option }`
e0108 = { $owner }缺少 `{ $what }`
e0108-label = 此处缺少 `{ $what }`
e0108-help = 添加一行，如 `{ $example }`
e0110 = 可选办理事项 `{ $item }` 的问题作为情形 `{ $id }` 询问，但已声明同名情形
e0110-label = 该问题将成为情形 `{ $id }`
e0110-declared = `{ $id }` 在此处声明
e0110-note = 可选办理事项的问题的答案是是否情形 `{ $item }_chosen`：条件可以引用它，表单以该名称提交
e0110-help = 重命名已声明的情形 `{ $id }`（及引用它的条件），或重命名该事项
e0111 = `optional` 需要申请人回答的问题
e0111-label = 此处缺少用双引号括起的问题
e0111-note = 可选办理事项仅在申请人选择时办理，申请人在表单和告知单问卷中以“是/否”回答该问题
e0111-help = 在该词后写上问题，如 `optional "是否需要预约银行销户"`；非必要材料应在材料属性中写 `optional`
e0112 = 无法读取样表 `{ $path }`（系统报告：「{ $why }」）
e0112-label = 在此处指定样表
e0112-note = 样表路径相对于引用它的 `.yjs` 文件所在目录
e0112-help = 检查路径的拼写和所在目录；样表必须是仓库中的普通文件
e0112-large = 样表 `{ $path }` 超过 { $max } 字节
e0112-large-help = 空白表格或示例样表应很小：去掉内嵌媒体后保存，或另存为 PDF
e0113 = 样表 `{ $path }` 不在其 `.yjs` 文件所在目录内
e0113-label = 绝对路径、`.`/`..`、`\` 或指向目录之外的链接
e0113-note = 构建只复制仓库源目录中的文件，路径不得读取本机其他位置
e0113-help = 将样表移至该 `.yjs` 文件所在目录（或其子目录），并用 `/` 从该目录写出路径，如 `templates/申请表.docx`
e0114 = 样表 `{ $path }` 不是申请人能打开的文件类型
e0114-label = 不支持的文件扩展名
e0114-help = 请提供文档或表格，扩展名为 `{ $kinds }` 之一
e0115 = 材料 `{ $material }` 指定了样表，但申请人无需提交该材料
e0115-label = { $why }
e0115-shared = 该材料通过数据共享获取（`shared`）
e0115-reused = 该材料是前序事项的办理结果，由本事项流转
e0115-help = 删除此处的 `template`；样表只用于申请人填写的材料
e0116-missing-otherwise = 按情形收费缺少 `otherwise` 分支
e0116-after-otherwise = `otherwise` 之后还有分支：`otherwise` 分支应放在最后
e0116-otherwise-when = `otherwise` 分支适用于其他所有情形，不能带 `when`
e0116-no-when = 按情形收费的分支需要 `when 条件`，最后的 `otherwise` 分支除外
e0116-label = 在此按情形收费中
e0116-note = 按情形收费先列出 `金额 yuan basis "…" when 条件` 分支（或 `none`），再以 `otherwise …` 写其他所有情形，使每个申请人恰有一个收费标准
e0116-help = 写成 `fee {"{"} 10 yuan basis "…" when 条件; otherwise none basis "…" {"}"}`，`otherwise` 分支按公布的收费标准写其他情形的收费
e0117 = `{ $item }` 的收费有两个分支同时适用
e0117-label = 此分支适用……
e0117-other = ……此分支也适用
e0117-note = 回答为 `{ $answers }` 时两者都成立，申请人的收费将取决于分支的顺序
e0117-help = 使条件互斥（在其中一个分支加 `and not …`），收费相同时可合并两个分支
w0101 = 情形 `{ $name }` 不影响任何内容
w0101-label = 询问了该情形，但没有条件使用其答案
w0101-note = 申请人回答的每个问题都应决定某个办理环节、材料或字段；否则只会加长表单
w0101-help = 在 `when` 中使用它（如 `when { $name } …`）或用于 `required when`，在需要此答案的办理环节表单中列出它，或将其删除

## 表单（E02xx、W02xx）

who-item = 办理环节 `{ $name }`（`{ $dept }`）
who-item-bare = 办理环节 `{ $name }`
who-dictionary = 字典 `{ $name }`
expect-cmp-bool = `true` 或 `false`
e02-declared-as = 该字段在此处声明为 `{ $ty }`
e02-from = `{ $kw } { $value }`，来自{ $who }
e0201 = `{ $kw }` 不适用于 `{ $ty }` 类型的字段
e0201-label = `{ $ty }` 字段上的 `{ $kw }`
e0201-note = 类型无法承载的约束会在表单的 JSON Schema 和各部门的数据包中被悄然丢弃
e0201-help = 删除 `{ $kw }`；`{ $ty }` 字段可用的约束有 { $takes }
e0202-not-whole = `{ $keyword } { $text }` 必须是不小于 0 的整数
e0202-not-whole-label = 不是整数计数
e0202-not-whole-help = 写成计数，如 `{ $keyword } 20`
e0202-bound = `{ $keyword } { $text }` 不是 `{ $ty }` 字段的有效界限
e0202-bound-label = 无效的界限
e0202-bound-integer-help = 整数字段的界限须为整数；需要小数时请使用 `decimal` 类型
e0202-bound-help = 界限请写成普通数字
e0202-pattern = `pattern "{ $pattern }"` 不是有效的正则表达式
e0202-pattern-label = 正则表达式库报告：「{ $error }」
e0202-pattern-note = 与 JSON Schema 一致，`pattern` 使用 JavaScript（ECMA-262）正则表达式；字符串中的反斜杠写作 `\\`
e0202-pattern-help = 修正该表达式；如需匹配整个取值，请用 `^…$` 锚定
e0203 = 此 `default` 不是 `{ $ty }` 字段的有效取值
e0203-whole = 整数
e0203-date = 日期字符串（如 "2024-01-31"）
e0203-datetime = 日期时间字符串（如 "2024-01-31T09:00:00"）
e0203-options = 选项 { $options } 之一
e0203-help = 默认值应为{ $expected }，或删除默认值
e0204 = 字段 `{ $field }` 没有可取的{ $what }：`{ $low_kw } { $low }` 大于 `{ $high_kw } { $high }`
who-shared = `shared` 块
e0204-what-value = 取值
e0204-what-length = 长度
e0204-what-entries = 条目数
e0204-also = { $who }也对此字段提出了要求
e0204-fix = 将 `{ $high_kw }` 提高到至少 { $low }，或将 `{ $low_kw }` 降低到至多 { $high }
e0204-note = 合并后的字段必须满足每一处相关声明，因此两侧各取最严格的界限
e0204-agree-help = 相关部门须协商一致：{ $fix }，修改有误的那一处声明
e0205 = 字段 `{ $field }` 有两个默认值：{ $first } 和 { $second }
e0205-note = 合并后的表单只向申请人预填一个值，因此各处声明的默认值必须一致
e0205-help = 只保留一个默认值，写在 `shared` 声明中，删除其余的
e0206 = { $who }将自己的 `{ $field }` 声明为 `{ $local }`，但共用字段 `{ $field }` 的类型是 `{ $shared }`
e0206-label = `{ $field }` 在此处声明为 `{ $local }`
e0206-shared = 共用的 `{ $field }` 类型为 `{ $shared }`
e0206-note = 同一事项中一个字段名只能有一种含义；同名不同类型会让申请人面对两个看似相同的不同问题
e0206-help = 用 `{ $field }` 绑定共用字段（需要时加以收窄），或为此字段另取名称
w0201 = { $who }和{ $first }各自声明了字段 `{ $field }`
w0201-label = 由{ $who }再次声明
w0201-first = 由{ $who }声明
w0201-note = 各环节自有的字段不会合并：申请人需要填写两次
w0201-same-help = 将 `{ $field }` 移到事项的 `shared` 块中，并在两个表单中都写 `{ $field }`
w0201-other-help = 如果两者含义相同，将 `{ $field }` 以一种类型移到 `shared` 中；否则重命名其中之一
w0202 = 没有办理环节使用共用字段 `{ $field }`
w0202-label = 在此处声明，但没有任何办理环节的表单绑定它
w0202-note = 没有环节绑定的共用字段不会出现在合并后的表单中
w0202-help = 在需要它的每个办理环节的表单中写 `{ $field }`，或将其删除
w0203 = 事项已有同名共用字段，但{ $who }又声明了自己的 `{ $field }`
w0203-label = 单独的、仅本环节使用的字段
w0203-shared = 共用字段
w0203-note = 申请人需要分别填写两者，且该部门收不到共用字段的答案
w0203-help = 只写 `{ $field }`（需要时加收窄约束）即可绑定共用字段
w0210 = `min_items { $min }` 会在 `{ $field }` 非必填时拒绝空列表
w0210-label = 当 { $example } 时，`{ $field }` 会显示但不是必填
w0210-never-label = `{ $field }` 在显示的任何情形下都不是必填
w0210-min = 最少条数
w0210-note = 申请人不填可选列表时提交的是 `[]`，会被 `min_items { $min }` 拒绝：本应可选的列表实际上成了必填
w0210-help = 如果列表只属于必填的那些情形，在其块中写 `when …`（其他情形下既不显示也不校验）；否则将其设为 `required`，或删除 `min_items`

## 办理流程（E03xx、W03xx）

e03-promises = 承诺 `{ $promise }`
e03-path-step = `{ $step }`：{ $which ->
        [legal] 法定
        [promised] 承诺
       *[other] { $which }
    } { $days } 个工作日（第 { $start }–{ $finish } 个工作日）
e0301 = 流程让 `{ $item }` 等待它自己
e0301-label = 从办理环节指向其自身的连线
e0301-note = 等待自身的办理环节永远无法开始，事项也就永远无法办结
e0301-help = 删除 `{ $item } -> { $item }`，或写明它真正需要等待的办理环节
e0302 = 流程中存在循环：{ $shown }
e0302-label = `{ $from } -> { $to }` 构成了循环
e0302-before = 此处 `{ $a }` 排在 `{ $b }` 之前
e0302-note = 循环上的每个办理环节都在等待循环上的另一个环节，因此都无法开始
e0302-help = 删除循环中的一条连线，通常是 `{ $from } -> { $to }`
e0303-own = `{ $item }` 将自己的办理结果 `{ $item }.{ $output }` 用作材料
e0303-own-label = 办理结果要在该环节作出决定之后才会产生
e0303-own-help = 改为将该文书声明为本环节自己的材料：`material ID "名称" {"{"} original 1 {"}"}`
e0303 = `{ $consumer }` 使用 `{ $producer }.{ $output }`，但流程没有让 `{ $consumer }` 等待 `{ $producer }`
e0303-label = 需要 `{ $producer }` 的办理结果
e0303-note = 流程中没有 `{ $producer } -> … -> { $consumer }` 的路径时，两者并行办理，`{ $consumer }` 会在该文书产生之前开始
e0303-flow = 流程在此处声明
e0303-reversed-note = 流程已经让 `{ $producer }` 等待 `{ $consumer }`；再加这条连线会构成循环，请调整流程顺序
e0303-help = 在流程中加入这一行：`{ $producer } -> { $consumer }`
e0304 = `{ $producer }` 不适用时，`{ $consumer }` 仍可能需要 `{ $producer }.{ $output }`
e0304-label = 此处需要该材料，包括 { $counterexample } 的情形
e0304-note = 当 { $counterexample } 时，`{ $consumer }` 适用并要求提交此材料，但 `{ $producer }` 被跳过，该文书永远不会出具
e0304-help = 将该材料限定在 `{ $producer }` 适用的情形：`material { $producer }.{ $output } {"{"} when { $cond } {"}"}`，或放宽 `{ $producer }` 的适用条件
e0304-applies-only = `{ $item }` 仅在 `{ $cond }` 时适用
e0304-applies = `{ $item }` 在 `{ $cond }` 时适用
e0304-needed = 该材料在 `{ $cond }` 时需要
e0305 = `{ $item }` 承诺 `{ $promise }`，超过了其法定时限 `{ $legal }`
e0305-law = 法定时限为 `{ $legal }`
e0305-when = 适用于答案 { $answers }
e0305-note = 承诺时限是比法定时限更快办结的承诺，任何情况下都不得超过法定时限
e0305-help = 承诺时限至多为 `{ $legal }`，或更正法定时限
e0306 = 事项 `{ $matter }` 最长需要 { $total } 个工作日，超过了其承诺时限 `{ $promise }`
e0306-scenario = 最长的情形组合为 { $scenario }
e0306-bound = “所有办理环节均适用”的上界（组合过多，无法逐一列举）
e0306-note = 总时长 = 受理 + 承诺时限最长的环节链 + 送达；并行的环节只计一次
e0306-help = 承诺至少 { $total } 个工作日，缩短关键路径上的某个环节，或让其并行办理
e0307 = 按法定时限，联合办理最长需要 { $total } 个工作日，超过了允许的 { $allowed } 个工作日
e0307-label = 从受理到作出决定共 { $total } 个工作日
e0307-extension = 已声明的延长期限
e0307-note = 行政许可法 第四十二条第二款：统一、联合、集中办理的，办理时间不得超过四十五日；经本级人民政府负责人批准，可以延长十五日
e0307-help = 缩短法定路径：拆分事项，或将办理环节移出最长的环节链；延长期限最多增加 15 个工作日
w0301 = `{ $item }` 没有法定时限
w0301-label = 此办理环节没有 `legal` 语句
w0301-promise = 无法依法核对其承诺时限
w0301-note = 没有法定时限，就无法核对承诺时限，联合办理时限的计算也只能改用承诺时限
w0301-help = 补上法定时限并注明设定该时限的条款，如 `legal 20 workdays basis "《…》第…条"`；法律法规未规定时限的，写 `legal unregulated`
w0302-help = 记录已批准的延长期限：`extension 15 workdays "经本级人民政府负责人批准：理由"`，或缩短法定路径
w0303 = 无法静态证明{ $what } { $used } 不超过{ $budget }：两者单位不同
w0303-used = `{ $used }`
w0303-promise-of = `{ $name }` 的承诺时限
w0303-legal-of = 其法定时限 `{ $legal }`
w0303-worst-case = 最长情形下的 { $total } 个工作日
w0303-days = { $total } 个工作日
w0303-matter-promise = 事项的承诺时限 `{ $promise }`
w0303-note = 静态排期将若干自然日按同样天数的工作日计，将若干小时按每 8 小时一个工作日、不足 8 小时按一个工作日计（见 `spec/plan.md`）；若干工作日是否在若干自然日之内，取决于节假日安排
w0303-help = 两个时限请使用同一单位，最好是 `workdays`（行政许可法 第八十二条）

## 随主干合入（载入上限、目录遍历、日期界限、浏览器正则）

e0002-used = 无法载入 `{ $path }`：文件超过 { $max } 字节
e0002-used-note = 读取已在上限处停止；一个事项通常只有几百行，如此大的文件几乎不可能是手工编写的事项
w0110-loop = `{ $link }` 指回 `{ $target }`（符号链接循环）；其中的文件只读取了一次
w0110-loop-note = 沿该链接继续查找会无休止地重复找到同样的文件
w0110-loop-help = 删除该链接，或改为检查它所指向的目录
w0110-special = `{ $path }` 是{ $kind }，不是普通文件，已跳过
w0110-special-note = 读取 FIFO 可能永远等待，设备文件可能永无结尾
w0110-special-help = 换成它所代表的 `.yjs` 文件，或将其删除
special-fifo = FIFO（命名管道）
special-char-device = 字符设备
special-block-device = 块设备
special-socket = 套接字
special-file = 特殊文件
wants-date = 日期（如 "2000-01-01"）或 `today`
e0014-fee-basis-twice = 此收费项两次注明收费依据
e0014-fee-basis-twice-help = 只保留一处：`fee AMOUNT yuan basis "…"`
e0202-date = `{ $keyword }` 的取值应为日期或 `today`
e0202-date-label = 不是日期
e0202-date-help = 写出真实的日期，如 `{ $keyword } "2000-01-01"`；以审核表单当日为界时写 `{ $keyword } today`
e0207 = `pattern "{ $pattern }"` 不是 JavaScript 正则表达式
e0207-label = 浏览器不接受该表达式：「{ $error }」
e0207-note = 表单在浏览器中用 `new RegExp(pattern, "u")` 校验 `pattern`（Ajv、RJSF、JSON Forms）；运行时接受而浏览器拒绝的 `pattern` 会使整个表单无法使用
e0207-help = 使用 ECMAScript 语法：用 `[Xx]` 代替 `(?i)`，用 `$` 代替 `\z`；用 `^…$` 锚定
e0210 = 此处字段 `{ $field }` 不能有自己的 `when`
e0210-list-label = 列表条目中的字段
e0210-list-help = 列表的每一条目字段相同：为列表本身在其块中写 `when …`，或在此字段上写 `required when …`
e0210-dictionary-label = 数据字典中的字段
e0210-dictionary-help = 数据字典为所有事项共用，不涉及情形：在把该字段引入事项的 `shared` 条目（或表单）中写 `when …`
e0211 = `{ $name }` 是表单字段，不是情形：条件只能引用情形
e0211-label = 条件引用了这个字段
e0211-def = `{ $name }` 在此处声明为字段
e0211-note = 条件在填表之前就决定申请人要填什么、带什么材料（告知单、办理计划、表单本身），因此只能引用每位申请人首先回答的情形
e0211-choice-help = 把这个问题声明为一个情形，`situation { $name } "…" {"{"} … {"}"}`，选项与字段相同，删除该字段，并在需要此答案的各办理环节表单中写 `{ $name }`：其部门收到的数据包会带上这个答案
e0211-help = 把决定此事的问题设为情形（`situation ID "问题" bool` 或带选项），并在此处引用该情形
e0212 = `{ $name }` 是情形：在表单中它的答案不能带约束，也不能带 `when`
e0212-label = 情形的答案不能带这一项
e0212-def = `{ $name }` 在此处声明为情形
e0212-note = 表单可以列出情形，使部门收到的数据包带上其答案；每个情形都由申请人在填表前回答一次，因此答案总是存在，且总是其选项之一
e0212-help = 在表单中只写 `{ $name }`（或 `本部门名称 = { $name } "标签"`）
e0215 = `{ $name }` 不校验申请人填写的值，其后的 `message` 永远不会显示
e0215-label = 这条错误提示不会显示
e0215-after = `{ $name }` 不校验申请人填写的值
e0215-note = 约束后的错误提示是表单和运行时在该约束拒绝填写值时显示的文字；只有 `required`、`min`、`max`、`min_length`、`max_length`、`pattern`、`min_items`、`max_items`、`not_before` 和 `not_after` 会拒绝填写值
e0215-help = 删除这条 `message "…"`，或把它移到它所说明的约束之后；字段类型的格式不符时的提示在块中单独写一条：`message "…"`
e0215-help-attribute = 删除这条 `message "…"`：只有字段的约束可以带错误提示
e0216 = `{ $name }` 的错误提示为空
e0216-own = 字段自身的 `message` 为空
e0216-label = 空的错误提示
e0216-of = 它要说明的约束
e0216-help = 写明申请人应当如何填写，如 `message "请填写18位居民身份证号码，末位可为X"`；或删除这条提示，沿用根据字段类型和限制生成的提示
e0217 = `{ $name }` 带了不止一条错误提示
e0217-label = 第二条错误提示
e0217-first = 第一条错误提示
e0217-help = 一项约束不通过时只显示一条提示：在 `{ $name }` 之后只保留一条 `message "…"`

## 所述事实的来源（E04xx、W04xx）

e0401 = `{ $word }` 将被印在公开文书中
e0401-label = 此文本会印在办事指南或告知单中
e0401-note = 对事实状态的批注仅供分析人员使用；审核人员会将含有此类批注的指南退回
e0401-help = 将批注移到 `note "…"` 中（不会印出），印出的文本只写事实本身
w0401 = `{ $item }` 的法定时限没有注明来源
w0401-label = 哪部法律或法规设定了这一时限？
w0401-note = 公开文书印出法定时限时会注明设定该时限的条款；没有来源时印作「未注明法律依据」，绝不会当作法定时限直接印出
w0401-help = 注明条款：`legal 20 workdays basis "《…》第…条"`；法律法规未规定时限的，写 `legal unregulated`（印作“法律法规未规定办理时限”）
w0402 = `{ $item }` 的收费没有注明依据
w0402-label = 哪项规定设定或免除了这项收费？
w0402-note = “不收费”和收费金额一样是事实，申请人会据此办事
w0402-help = 注明依据：`fee none basis "《…》第…条"` 或 `fee 20 yuan basis "《…》第…条"`
w0403 = `{ $owner }` 的事项编码没有注明来源
w0403-label = 哪个目录列有此编码？
w0403-note = 公开的办事指南按目录所列原样印出事项编码
w0403-help = 注明目录：`code "…" basis "《…政务服务事项目录》"`

## 改革成效（E041x、W041x）

e0410 = 合并办理使 `{ $matter }` 的改革成效对比项 `{ $figure }` 变差：逐项办理为 { $before }，一件事办理为 { $after }
e0410-label = 办事指南将公布一项不如逐项办理的改革成效
e0410-note = “逐项办理”指每个适用事项单独办理（各自受理、办理、送达，各自到现场、各自部门），“一件事办理”指合并后的事项；各项数字取各情形组合中的最大值（见 `spec/guide.md`「改革成效」）
e0410-help = 压缩合并后的流程（流程中的等待、承诺时限、事项的 `visits`）；如数字属实，写明理由予以确认，指南会在该项旁印出理由：`worse { $figure } "……"`
w0410 = `worse { $figure }` 所确认的对比项并未因合并而变差（逐项办理 { $before }，一件事办理 { $after }）
w0410-label = 该理由将印在一项并未变差的数字旁
w0410-help = 删除这条 `worse` 语句
e0308-bare = 规则排除了所有情形组合
e0308 = 规则排除了所有情形组合，任何申请人都无法申请
e0308-label = 「{ $rule }」
e0308-note = 规则规定每一种可能的情形组合都应满足的条件；这些规则合在一起无法同时满足
e0308-help = 将每条规则写成必须成立的条件，而不是所禁止的组合：要禁止 `A` 与 `B` 同时成立，写 `not (A and B)`
limit-promise = 承诺时限
limit-legal = 法定时限
e0310 = 此 `{ $what }` 只适用于部分答案，其余答案没有给出时限
e0310-table = 此分情形的 `{ $what }` 没有 `otherwise`
e0310-label = 其余答案的时限？
e0310-note = 分情形的时限必须对每一种答案组合都给出时限：规划、告知单和运行时的计时都需要为每一位申请人确定时限
e0310-help = 写成分情形的表，并补上其他所有情况的时限：`{ $what } {"{"} { $first }; otherwise 时限 {"}"}`
e0311 = 事项 `{ $item }` 的{ $what }有两项对同一组答案同时成立
e0311-label = 此项也成立
e0311-other = 此项成立
e0311-note = 当 { $answers } 时两项都成立
e0311-help = 确定两项都成立时适用哪个时限，并改写条件，使任何答案下至多一项成立
e0312 = 事项 `{ $item }` 的{ $what }取决于 `{ $name }`，它不是情形
e0312-label = `{ $name }` 是字段
e0312-field = 在此声明
e0312-note = 时限按情形规划：办件开始时，规划、告知单和运行时的计时都已知道各情形的答案
e0312-help = 如果这个答案决定时限，请把它作为情形提问（`situation { $name } "…" {"{"} … {"}"}`），并在此引用该情形
e0320 = 等待环节 `{ $wait }` 的期限为 `{ $duration }`：等待期应以日计算
e0320-label = 公告期、公示期按自然日或工作日计算
e0320-note = 公告期、公示期、异议期由法律法规以日设定；`immediate` 表示无须等待，以小时计的公示期对需要查阅公告的公众没有意义
e0320-help = 按依据写明期限，如 `20 days`（自然日）或 `10 workdays`（工作日）；无须等待的，删除该 `wait` 语句及其在流程链中的位置
w0304 = `{ $item }` 永远不适用：规则排除了 `{ $when }` 的所有情形组合
w0304-label = 没有任何可能的情形组合满足此条件
w0304-rule = 被规则「{ $rule }」排除
w0304-note = 永远不适用的事项不会被办理，但办事指南和表单仍会显示它
w0304-help = 如确需 `{ $item }`，请修改其 `when` 条件或相应规则；否则删除该事项
w0320 = 等待环节 `{ $wait }` 没有注明期限的依据
w0320-label = 哪部法律法规设定了这一期限？
w0320-note = 办事指南印出等待期时同时注明设定该期限的条款；没有依据的印作“未注明依据”，申请人无从核对办件为何等待
w0320-help = 在期限后注明条款，如 `wait publicity "简易注销公示" 20 days basis "《市场主体登记管理条例》第三十三条"`
