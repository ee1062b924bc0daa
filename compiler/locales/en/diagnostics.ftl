# Diagnostic texts, English. Ids start with the code they belong to (e0104, e0104-label,
# e0104-note, e0104-help, …); shared ids have no code prefix. Arguments are named.
# This catalog reproduces the compiler's English wording exactly (the ui snapshots check it).

## Rendering

render-note = note: { $text }
render-help = help: { $text }

## Shared

did-you-mean = did you mean `{ $name }`?
expected-one-of = expected one of: { $names }

list-comma = { $a }, { $b }
list-or = { $a } or { $b }

## What the parser expected or found (arguments of e0001)

expect-end = the end of the statement
expect-name = a name
expect-string = a string in double quotes
expect-number = a number
expect-percent = a percentage such as `80%`
expect-duration = a time limit such as `5 workdays` or `immediate`
expect-condition = a condition
expect-option-name = an option name
expect-cmp-op = `==` or `!=`
expect-field-type = a field type
expect-code = `{ $code }`
expect-and-or = `and` or `or`
expect-value = a value
expect-attribute = an attribute
expect-entry = a field entry
expect-option = an option
expect-else = something else
expect-statement = a statement
found-string = a string
found-unreadable = text that cannot be read here
stmt-top = a top-level statement
stmt-department = a department attribute
stmt-matter = a matter statement
stmt-item = an item statement
stmt-flow = a flow statement (`accept`, `deliver` or `A -> B`)
stmt-options = an option `ID "label"`
stmt-constraint = a constraint
stmt-material = a material attribute
stmt-output = an output attribute
stmt-review = a review point in double quotes

## Internal errors (I0001)

i0001-unexpected = internal error: unexpected { $kind }
i0001-here = here
i0001-syntax-note = this is a bug in yjs, not in your file; please report it with this file
i0001-emit = internal error: { $what }
i0001-emit-note = the input checked without errors, so this is a bug in yjs, not in your files
i0001-emit-help = please report it with the files that trigger it

## Syntax (E00xx)

e0001 = expected { $expected }, found { $found }
e0001-label = expected { $expected }
e0001-not = not { $expected }
e0001-end-help = put each statement on its own line, or separate statements with `;`
e0002 = source file is too large ({ $size } bytes; the limit is { $max })
e0002-label = the file starts here
e0002-note = a matter fits in a few hundred lines; a file this large is almost certainly not a hand-written matter
e0002-help = split the catalogue into one file per matter and `use` the shared parts
e0003 = the file is not valid UTF-8
e0003-label = the first invalid byte is here
e0003-note = yjs reads source files as UTF-8 text; files saved as GBK or GB 18030 look like this
e0003-help = re-save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)
e0004 = control character { $char } in the source
e0004-label = this character is invisible
e0004-note = control characters such as NUL are invisible in editors and usually come from a binary file or a bad copy
e0004-help = delete the character, or re-save the file as plain UTF-8 text
e0005 = unterminated string
e0005-label = this string has no closing `"` on its line
e0005-note = a string must open and close on the same line
e0005-help = add the closing `"`; write `\"` for a quote inside the string
e0006 = unterminated block comment
e0006-label = this `/*` is never closed
e0006-help = close the comment with `*/`, or use `//` for a one-line comment
e0007-mismatched = mismatched `{ $found }`
e0007-mismatched-label = expected `{ $expected }` here
e0007-still-open = this `{ $opened }` is still open
e0007-mismatched-help = close the `{ $opened }` with `{ $expected }` before this point
e0007-unopened = unexpected `{ $found }`
e0007-unopened-label = nothing is open here
e0007-unopened-help = remove this bracket, or add the opening one it belongs to
e0007-unclosed = unclosed `{ $open }`
e0007-unclosed-label = opened here and never closed
e0007-unclosed-help = add the matching `{ $close }`
e0007-unclosed-nested-note = an inner block may be the one missing its closing bracket: the brackets after it pair up differently than intended
e0008 = brackets are nested more than { $max } deep
e0008-label = this bracket is too deep
e0008-note = deep nesting cannot be read by people and is refused so that the compiler never exhausts its stack
e0008-help = flatten the condition: `a and b and c` needs no parentheses
e0009 = invalid escape `{ $esc }` in a string
e0009-label = not an escape
e0009-help = the escapes are `\"`, `\\`, `\n`, `\t` and `\u{"{"}XXXX{"}"}`; write `\\` for a backslash
e0010 = `{ $name }` is not a { $context }
e0010-label = unknown { $context }
e0011 = `{ $name }` takes { $wants }
e0011-label = expected { $wants }
e0011-help = write it as `{ $name }` followed by { $wants }
e0012 = `{ $what }` is given twice
e0012-label = given again here
e0012-first = first given here
e0012-help = keep one `{ $what }` statement and delete the other
e0013 = invalid number: { $what }
e0013-label = this number
e0013-help = write a whole number such as `3`, or a decimal such as `12.50` where money is meant
e0014-label = this field entry
e0013-whole = { $what } must be a whole number of at most 4294967295
e0013-fee = a fee is a non-negative amount of yuan with at most 2 decimals
e0013-warn = the warning threshold is a whole percentage from 1% to 100%
e0014-declare-and-refer = a field declaration cannot also refer to another field
e0014-declare-and-refer-help = either declare a new field (`ID "label" TYPE`) or refer to one (`local = shared`), not both
e0014-no-label = the field `{ $name }` is declared without a label
e0014-no-label-help = give it the label the applicant reads: `{ $name } "标签" …`
e0014-plain-name = the name before `=` must be a plain name
e0014-plain-name-help = write `local = target`, e.g. `guardian_id = mother_id`
e0014-list-own-fields = a list declares its own fields
e0014-list-own-fields-help = write each member as `ID "label" TYPE {"{"} … {"}"}`
e0014-reuse-named = a reused output takes its name from the output
e0014-reuse-named-help = delete the name, or declare a material of this item with `material ID "name"`
e0014-material-no-name = the material `{ $name }` has no name
e0014-material-no-name-help = write `material { $name } "材料名称" {"{"} original 1 {"}"}`, or reuse an output as `material ITEM.OUTPUT`
e0014-dictionary-ref = a dictionary entry must declare a field
e0014-dictionary-ref-help = write `ID "label" TYPE {"{"} constraints {"}"}`, e.g. `name "姓名" text {"{"} max_length 50 {"}"}`
wants-one-string = one string in double quotes
wants-one-number = one number
wants-no-value = no value
wants-one-value = one value
wants-required = nothing, or `when` and a condition
context-constraint = constraint
context-reuse-attribute = attribute of a reused output (only `when` is allowed)
context-material-attribute = material attribute
context-output-attribute = output attribute
context-department-attribute = department attribute
e0019 = this condition is nested more than { $max } levels deep
e0019-label = nested too deeply
e0019-note = each `not`, and each `and` or `or` list inside a list of the other, is one level; such a condition cannot be read by people, and is refused so that no stage of the compiler, and no tool reading the artifacts, exhausts its stack
e0019-help = drop doubled `not`s (`not not a` is `a`), write `s in [a, b]` for alternatives of one situation, and bring `not` inwards (`not (a and b)` is `not a or not b`)
e0014-no-type = the shared field `{ $name }` has no type
e0014-no-type-label = neither a declaration nor a dictionary field
e0014-no-type-help = declare it as `{ $name } "标签" text`, or take it from a dictionary as `{ $name } = person.name`
e0014-dict-in-form = an item's form cannot use a dictionary field directly
e0014-dict-in-form-label = a dictionary field
e0014-dict-in-form-help = add `{ $field } = { $dict }.{ $field }` to the matter's `shared` block, then write `{ $field }` here

## Resolve (E01xx)

# A kind of definition named in a message; $kind is the English word the compiler uses.
kind = { $kind }
# A kind with its article ("a department").
kind-a = { $kind }
kind-department = department
kind-dictionary = dictionary
kind-matter = matter
kind-item = item
kind-situation = situation
kind-option = option
kind-shared-field = shared field
kind-form-field = form field
kind-dictionary-field = dictionary field
kind-list-field = list field
kind-material = material
kind-output = output
kind-delivery-channel = delivery channel
kind-item-kind = item kind
kind-a-department = a department
kind-an-item = an item
kind-a-situation = a situation
kind-a-shared-field = a shared field
kind-field-of = field of `{ $dict }`
kind-output-of = output of `{ $item }`
owner-matter = the matter `{ $name }`
owner-item = the item `{ $name }`

e0101 = cannot load `{ $path }`: { $why }
e0101-label = used here
e0101-note = a `use` path is relative to the file that contains the `use`
e0101-help = check the spelling and the folder of the path
e0101-root-help = check the path given on the command line
e0102 = `use` cycle: `{ $target }` is already being loaded
e0102-label = this `use` closes the cycle
e0102-chain = `{ $file }` uses the next file here
e0102-note = files may share a common file, but a file may not (indirectly) use itself
e0102-help = move what both files need into a third file that both `use`
e0103 = the { $kind } `{ $name }` is defined twice
e0103-label = defined again here
e0103-first = first defined here
e0103-help = rename one of them, or delete the second { $kind }
e0103-reserved = the item `{ $name }` has the name of { $step ->
        [accept] the acceptance step
       *[deliver] the delivery step
    }
e0103-reserved-label = `{ $name }` is the plan's { $step ->
        [accept] acceptance step
       *[deliver] delivery step
    }
e0103-reserved-note = every plan has the steps `accept` and `deliver`; an item of the same name would make two steps of one name in `plan.json`
e0103-reserved-help = rename the item, e.g. `{ $name }_item`
e0104 = unknown { $kind } `{ $name }`
e0104-label = no { $kind } has this name
e0104-help = declare the { $kind } first, or check the `use` lines of this file
e0104-not-visible-help = the department is declared in `{ $path }`: add a `use` line for that file
e0104-not-option = `{ $name }` is not an option of the situation `{ $situation }`
e0104-situation-def = the situation is declared here
e0104-output-help = declare it in `{ $item }` with `output { $output } "名称" {"{"} electronic {"}"}`
e0104-local-field-note = to declare a field only this item needs, give it a type: `ID "label" text`
e0104-department-in-flow-note = `{ $name }` is a department; a flow links items
e0105 = `{ $name }` is { $found }, but { $expected } is expected here
e0105-label = expected { $expected }
e0105-def = `{ $name }` is defined here as { $found }
e0105-help = name { $expected } here
e0105-situation-in-form-note = situation answers are part of every submission already; a form does not list them
e0106 = unknown field type `{ $name }`
e0106-label = not a field type
e0106-note = the types are text, integer, decimal, money, date, datetime, bool, choice, multi_choice, id_card, uscc, region, mobile, phone, email, file and list
e0107-bare = the situation `{ $name }` has options, so it cannot stand alone as a condition
e0107-bare-label = not a yes/no situation
e0107-bare-def = declared with options here
e0107-bare-help = compare it with an option, e.g. `{ $name } == { $option }`
e0107-bool = the situation `{ $name }` is yes/no, so it has no named options
e0107-bool-label = expected `true` or `false`
e0107-bool-def = declared `bool` here
e0107-bool-help = write `{ $name }` for yes and `not { $name }` for no
e0107-literal = the situation `{ $name }` has named options, not yes/no
e0107-literal-label = expected one of its options
e0107-literal-def = declared here
e0107-literal-help = compare `{ $name }` with one of its options
e0108 = { $owner } has no `{ $what }`
e0108-label = `{ $what }` is missing here
e0108-help = add a line such as `{ $example }`
w0101 = the situation `{ $name }` changes nothing
w0101-label = asked, but no condition uses the answer
w0101-note = every question the applicant answers must decide some item, material or field; otherwise it only lengthens the form
w0101-help = use it in a `when` (e.g. `when { $name } …`) or a `required when`, or delete it
