# Diagnostic texts, English. Ids start with the code they belong to (e0104, e0104-label,
# e0104-note, e0104-help, …); shared ids have no code prefix. Arguments are named.
# This catalog reproduces the compiler's English wording exactly (the ui snapshots check it).

## Rendering

render-error = error
render-warning = warning
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
stmt-limit = a limit `DURATION when CONDITION` or `otherwise DURATION`

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
e0008-lists = lists are nested more than { $max } deep
e0008-lists-label = this list is too deep
e0008-lists-note = every list inside a list is a form inside a form; each level is also three levels of JSON in the form's artifacts, which their readers limit
e0008-lists-help = flatten the form: give the inner list's fields to the outer list, or make it a list of its own
e0009 = invalid escape `{ $esc }` in a string
e0009-label = not an escape
e0009-help = the escapes are `\"`, `\\`, `\n`, `\t` and `\u{"{"}XXXX{"}"}`; write `\\` for a backslash
e0010 = `{ $name }` is not a { $context }
e0010-label = unknown { $context }
e0011 = `{ $name }` takes { $wants }
e0011-label = expected { $wants }
e0011-help = write it as `{ $name }` followed by { $wants }
e0011-optional-note = a material's `optional` marks it not required (非必要); an item the applicant chooses takes `optional "question"` among the item's statements
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
e0025 = `{ $constraint }` cannot take a condition: only `required` can be `required when …`
e0025-label = a condition on `{ $constraint }`
e0025-statement = in this constraint
e0025-note = a constraint other than `required` holds wherever its field is in the form, so it has no `when` of its own
e0025-help = keep `{ $constraint }` unconditional; if the whole field belongs only to some situations, give the field its own `when …` statement in this block (the field, and `{ $constraint }` with it, then exist only there); if it is only required in some, write `required when …`
e0020-after = an arm stands after `otherwise` in this `{ $what }`
e0020-after-label = after `otherwise`
e0020-otherwise-label = `otherwise` is here
e0020-after-help = `otherwise` gives the limit for every case the arms above it leave: move this arm above it
e0020-when = `otherwise` takes no condition
e0020-when-label = `otherwise` with `when`
e0020-when-help = `otherwise` is the limit for every case the other arms leave; give this limit its own arm (`DURATION when CONDITION`) and keep one `otherwise DURATION` last
e0020-bare = this arm of the `{ $what }` has neither `when` nor `otherwise`
e0020-bare-label = for which answers?
e0020-bare-help = give the answers it applies to with `when CONDITION`; if it is the limit for every other case, begin it with `otherwise` and put it last
e0020-empty = this `{ $what }` by situation has no arm with `when`
e0020-empty-label = no arm says for which answers
e0020-empty-help = for one limit that holds for everyone, write it without braces: `{ $what } 5 workdays`
e0021 = a matter's promise cannot vary by situation
e0021-label = a limit by situation
e0021-note = the matter's promise is the one total the window commits to for every applicant; the plan checks each scenario's total against it
e0021-help = promise the worst total here, and give per-situation limits on the items (`promise {"{"} 1 workday when a; otherwise 10 workdays {"}"}` inside an item)
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
kind-step = flow step
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
kind-reform-figure = 改革成效 figure
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
e0104-department-in-flow-note = `{ $name }` is a department; a flow links items and waits
e0105 = `{ $name }` is { $found }, but { $expected } is expected here
e0105-label = expected { $expected }
e0105-def = `{ $name }` is defined here as { $found }
e0105-help = name { $expected } here
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
e0107-multi = the situation `{ $name }` is multi-select, so its answer is a set of options, not one
e0107-multi-label = compares the whole set
e0107-multi-def = declared `multi` here
e0107-multi-help = test the options one by one: `{ $test }` holds when the applicant ticked { $which }
e0107-multi-which-one = `{ $option }`
e0107-multi-which-any = any of them
e0107-has-single = `{ $option } in { $name }` needs a multi-select situation, but `{ $name }` has one answer
e0107-has-single-label = not a multi-select situation
e0107-has-single-def = declared with a single answer here
e0107-has-single-help = to test its one answer write { $rewrite }; to let the applicant pick several options declare it `situation { $name } "…" multi {"{"} … {"}"}`
e0107-rewrite-bool = `{ $name }` (yes) or `not { $name }` (no)
e0107-rewrite-option = `{ $name } == { $option }`
e0108 = { $owner } has no `{ $what }`
e0108-label = `{ $what }` is missing here
e0108-help = add a line such as `{ $example }`
e0110 = the optional item `{ $item }` asks its question as the situation `{ $id }`, but a situation of that name is declared
e0110-label = this question would be the situation `{ $id }`
e0110-declared = `{ $id }` is declared here
e0110-note = the answer to an optional item's question is the yes/no situation `{ $item }_chosen`: conditions may name it, and the form submits it under that name
e0110-help = rename the declared situation `{ $id }` (and the conditions that name it), or the item
e0111 = `optional` needs the question the applicant answers
e0111-label = the question in double quotes is missing here
e0111-note = an optional item is handled only when the applicant chooses it, answering this question yes or no in the form and the notice questionnaire
e0111-help = write the question after the word, e.g. `optional "是否需要预约银行销户"`; a material that is not required takes `optional` in its attributes instead
e0112 = cannot read the template `{ $path }`: { $why }
e0112-label = template named here
e0112-note = a template path is relative to the folder of the `.yjs` file that names it
e0112-help = check the spelling and the folder of the path; the template must be a regular file in the repository
e0112-large = the template `{ $path }` is larger than { $max } bytes
e0112-large-help = a blank form or sample is small: save it without embedded media, or as PDF
e0113 = the template `{ $path }` is not inside the folder of its `.yjs` file
e0113-label = absolute, `.`/`..`, `\` or a link leading out of the folder
e0113-note = a build copies only files of the repository's source folder, so a path can never read another part of the machine
e0113-help = move the template into the folder of the `.yjs` file (or a folder below it) and write its path from there with `/`, e.g. `templates/申请表.docx`
e0114 = the template `{ $path }` is not a kind of file an applicant can open
e0114-label = unsupported file name extension
e0114-help = give a document or a spreadsheet: { $kinds }
e0115 = the material `{ $material }` has a template, but the applicant does not submit it
e0115-label = { $why }
e0115-shared = it is fetched by data sharing (`shared`)
e0115-reused = it is an earlier item's output, passed on by the matter
e0115-help = delete `template` here; a template belongs to a material the applicant fills in
e0116-missing-otherwise = a fee by situation has no `otherwise` arm
e0116-after-otherwise = an arm after `otherwise`: the `otherwise` arm comes last
e0116-otherwise-when = the `otherwise` arm applies in every other case, so it takes no `when`
e0116-no-when = an arm of a fee by situation needs `when CONDITION`, except the last, `otherwise`
e0116-label = in this fee by situation
e0116-note = a fee by situation lists `AMOUNT yuan basis "…" when CONDITION` arms (or `none`), then `otherwise …` for every other case, so that each applicant has exactly one fee
e0116-help = write the arms as `fee {"{"} 10 yuan basis "…" when CONDITION; otherwise none basis "…" {"}"}`, with the fee of every other case in the `otherwise` arm as the published standard states it
e0117 = two arms of the fee of `{ $item }` apply together
e0117-label = this arm applies …
e0117-other = … and so does this one
e0117-note = for the answers { $answers } both hold, so the applicant's fee would depend on the order of the arms
e0117-help = make the conditions exclusive (add `and not …` to one of them), or merge the two arms if the fee is the same
w0101 = the situation `{ $name }` changes nothing
w0101-label = asked, but no condition uses the answer
w0101-note = every question the applicant answers must decide some item, material or field; otherwise it only lengthens the form
w0101-help = use it in a `when` (e.g. `when { $name } …`) or a `required when`, list it in the form of an item whose department needs the answer, or delete it

## Forms (E02xx, W02xx)

who-item = item `{ $name }` ({ $dept })
who-item-bare = item `{ $name }`
who-dictionary = dictionary `{ $name }`
expect-cmp-bool = `true` or `false`
e02-declared-as = the field is declared `{ $ty }` here
e02-from = `{ $kw } { $value }` from { $who }
e0201 = `{ $kw }` does not apply to a `{ $ty }` field
e0201-label = `{ $kw }` on a `{ $ty }` field
e0201-note = a constraint the type cannot carry would be silently lost in the form schema and in every department's packet
e0201-help = remove `{ $kw }`; a `{ $ty }` field takes { $takes }
e0202-not-whole = `{ $keyword } { $text }` must be a whole number of 0 or more
e0202-not-whole-label = not a whole count
e0202-not-whole-help = write a count such as `{ $keyword } 20`
e0202-bound = `{ $keyword } { $text }` is not a valid bound for a `{ $ty }` field
e0202-bound-label = invalid bound
e0202-bound-integer-help = an integer field's bounds are whole numbers; use `decimal` for fractions
e0202-bound-help = write the bound as a plain number
e0202-pattern = `pattern "{ $pattern }"` is not a valid regular expression
e0202-pattern-label = { $error }
e0202-pattern-note = patterns use JavaScript (ECMA-262) regular expressions, as JSON Schema does; a backslash is written `\\` inside a string
e0202-pattern-help = fix the expression; anchor it with `^…$` to match the whole value
e0203 = this `default` is not a value of a `{ $ty }` field
e0203-whole = a whole number
e0203-date = a date string such as "2024-01-31"
e0203-datetime = a string such as "2024-01-31T09:00:00"
e0203-options = one of the options { $options }
e0203-help = give { $expected } as the default, or remove it
e0204 = the field `{ $field }` allows no { $what }: `{ $low_kw } { $low }` is above `{ $high_kw } { $high }`
who-shared = the `shared` block
e0204-what-value = value
e0204-what-length = length
e0204-what-entries = number of entries
e0204-also = { $who } also contributes to this field
e0204-fix = raise `{ $high_kw }` to at least { $low } or lower `{ $low_kw }` to at most { $high }
e0204-note = a merged field must satisfy every declaration that contributes to it, so it takes the tightest bound on each side
e0204-agree-help = the departments must agree: { $fix }, in whichever declaration is wrong
e0205 = the field `{ $field }` gets two defaults: { $first } and { $second }
e0205-note = the merged form shows one pre-filled value to the applicant, so every declaration must agree on it
e0205-help = keep one default, in the `shared` declaration, and remove the others
e0209 = the default `{ $value }` of the field `{ $field }` breaks its own `{ $kw } { $bound }`
e0209-note = a default is filled in before the applicant types anything, and the browser and the runtime check it like any answer: the applicant would open the form on an error
e0209-help = change the default so that it satisfies `{ $kw } { $bound }`, or remove the default
e0206 = { $who } declares its own `{ $field }` as `{ $local }`, but the shared field `{ $field }` is `{ $shared }`
e0206-label = `{ $field }` declared `{ $local }` here
e0206-shared = the shared `{ $field }` is `{ $shared }`
e0206-note = in a matter a field name means one thing; two types under one name would give the applicant two different questions that look the same
e0206-help = bind the shared field with `{ $field }` (narrowing it if needed), or give this field another name
w0201 = { $who } and { $first } both declare their own field `{ $field }`
w0201-label = declared again by { $who }
w0201-first = declared by { $who }
w0201-note = local fields are not merged: the applicant is asked for this twice
w0201-same-help = move `{ $field }` to the matter's `shared` block and write `{ $field }` in both forms
w0201-other-help = if both mean the same thing, move `{ $field }` to `shared` with one type; otherwise rename one of them
w0202 = no item uses the shared field `{ $field }`
w0202-label = declared here, bound by no item's form
w0202-note = a shared field no item binds never appears in the merged form
w0202-help = write `{ $field }` in the form of each item that needs it, or delete it
w0203 = { $who } declares its own `{ $field }` although the matter shares a field of that name
w0203-label = a separate, item-only field
w0203-shared = the shared field
w0203-note = the applicant is asked for both, and the department does not receive the shared answer
w0203-help = write just `{ $field }` (with narrowing constraints if needed) to bind the shared field
w0210 = `min_items { $min }` refuses an empty `{ $field }` where the list is not required
w0210-label = `{ $field }` is shown but not required when { $example }
w0210-never-label = `{ $field }` is not required anywhere it is shown
w0210-min = the minimum
w0210-note = an applicant who leaves an optional list empty submits `[]`, which `min_items { $min }` refuses: the list is in effect required where it was meant to be optional
w0210-help = if the list belongs only to the situations where it is required, give it `when …` in its block (it is then neither shown nor checked elsewhere); otherwise make it `required`, or drop `min_items`

## Plans (E03xx, W03xx)

e03-promises = promises { $promise }
e03-path-step = { $step }: { $days } { $which } working { $plural ->
        [one] day
       *[other] days
    } (days { $start }–{ $finish })
e0301 = the flow makes `{ $item }` wait for itself
e0301-label = an edge from an item to itself
e0301-note = an item that waits for itself can never start, so the matter could never finish
e0301-help = delete `{ $item } -> { $item }`, or name the item it really waits for
e0302 = the flow has a cycle: { $shown }
e0302-label = `{ $from } -> { $to }` closes the cycle
e0302-before = `{ $a }` comes before `{ $b }` here
e0302-note = every item on a cycle waits for another one on it, so none of them can start
e0302-help = delete one edge of the cycle, usually `{ $from } -> { $to }`
e0303-own = `{ $item }` uses its own output `{ $item }.{ $output }` as a material
e0303-own-label = an item's output exists only after the item is decided
e0303-own-help = declare the document as the item's own material instead, with `material ID "名称" {"{"} original 1 {"}"}`
e0303 = `{ $consumer }` uses `{ $producer }.{ $output }`, but the flow does not make `{ $consumer }` wait for `{ $producer }`
e0303-label = needs the output of `{ $producer }`
e0303-note = without a path `{ $producer } -> … -> { $consumer }` in the flow both run in parallel, and `{ $consumer }` would start before the document exists
e0303-flow = the flow is declared here
e0303-reversed-note = the flow already makes `{ $producer }` wait for `{ $consumer }`; adding the edge would close a cycle, so reorder the flow
e0303-help = add this line to the flow: `{ $producer } -> { $consumer }`
e0304 = `{ $consumer }` may need `{ $producer }.{ $output }` when `{ $producer }` does not apply
e0304-label = needed here, also when { $counterexample }
e0304-note = when { $counterexample }, `{ $consumer }` applies and asks for this material, but `{ $producer }` is skipped, so the document is never issued
e0304-help = limit the material to the cases where `{ $producer }` applies: `material { $producer }.{ $output } {"{"} when { $cond } {"}"}`, or widen the condition of `{ $producer }`
e0304-applies-only = `{ $item }` applies only when { $cond }
e0304-applies = `{ $item }` applies when { $cond }
e0304-needed = the material is needed when { $cond }
e0305 = `{ $item }` promises { $promise }, more than its legal limit of { $legal }
e0305-law = the law allows { $legal }
e0305-when = for the answers { $answers }
e0305-note = a 承诺时限 is a commitment to be faster than the 法定时限; it may never exceed it
e0305-help = promise at most { $legal }, or correct the legal limit
e0306 = the matter `{ $matter }` takes { $total } working days in the worst case, more than its promise of { $promise }
e0306-scenario = the worst case is the scenario { $scenario }
e0306-bound = bound "every item applies" (too many combinations to enumerate)
e0306-note = the total is acceptance + the longest chain of promised item limits + delivery; parallel items count once
e0306-help = promise at least { $total } working days, shorten a step on the critical path, or run it in parallel
e0307 = joint handling takes up to { $total } working days by the legal limits, more than the { $allowed } allowed
e0307-label = { $total } working days from 受理 to decision
e0307-extension = the declared extension
e0307-note = 行政许可法 第四十二条第二款: joint handling (统一、联合、集中办理) must finish within 45 working days; the head of the 本级人民政府 may approve 15 more
e0307-help = shorten the legal path: split the matter, or move items off the longest chain; an extension adds at most 15 working days
w0301 = `{ $item }` has no legal limit
w0301-label = no `legal` statement in this item
w0301-promise = its promise cannot be checked against the law
w0301-note = without a 法定时限 the promise cannot be checked and the joint-handling cap counts the promise instead
w0301-help = add the limit with the article that sets it, e.g. `legal 20 workdays basis "《…》第…条"`, or `legal unregulated` when no law or regulation sets one
w0302-help = record the approved extension: `extension 15 workdays "经本级人民政府负责人批准：理由"`, or shorten the legal path
w0303 = cannot prove statically that { $what } { $used } fits within { $budget }: the units differ
w0303-used = { $used }
w0303-promise-of = the promise of `{ $name }`
w0303-legal-of = its legal limit of { $legal }
w0303-worst-case = the worst case of { $total } working days
w0303-days = { $total } working days
w0303-matter-promise = the matter's promise of { $promise }
w0303-note = the static schedule counts N calendar days as N working days and H hours as ceil(H/8) working days (spec/plan.md); whether a number of working days fits a number of calendar days depends on the holiday calendar
w0303-help = state both limits in the same unit, preferably `workdays` (行政许可法 第八十二条)

## Arrived with main (loading limits, folder walks, date bounds, browser patterns)

e0002-used = cannot load `{ $path }`: it is larger than { $max } bytes
e0002-used-note = reading stopped at the limit; a matter fits in a few hundred lines, so a file this large is almost certainly not a hand-written matter
w0110-loop = `{ $link }` leads back to `{ $target }` (a symbolic link loop); its files were read once
w0110-loop-note = following the link would find the same files again, without end
w0110-loop-help = remove the link, or check the folder it points into instead
w0110-special = `{ $path }` is { $kind }, not a regular file; it was skipped
w0110-special-note = reading a FIFO could wait forever, and a device may never end
w0110-special-help = replace it with the `.yjs` file it stands for, or remove it
special-fifo = a FIFO (named pipe)
special-char-device = a character device
special-block-device = a block device
special-socket = a socket
special-file = a special file
wants-date = a date such as "2000-01-01", or `today`
e0014-fee-basis-twice = this fee names its basis twice
e0014-fee-basis-twice-help = keep one: `fee AMOUNT yuan basis "…"`
e0202-date = `{ $keyword }` takes a date or `today`
e0202-date-label = not a date
e0202-date-help = write a real date such as `{ $keyword } "2000-01-01"`, or `{ $keyword } today` for the day the form is checked
e0207 = `pattern "{ $pattern }"` is not a JavaScript regular expression
e0207-label = a browser refuses it: { $error }
e0207-note = forms check patterns in the browser with `new RegExp(pattern, "u")` (Ajv, RJSF, JSON Forms); a pattern the runtime accepts but a browser refuses breaks the whole form
e0207-help = use ECMAScript syntax: `[Xx]` instead of `(?i)`, `$` instead of `\z`; anchor with `^…$`
e0208 = `{ $name }` is both { $first } and { $kind } at the top of the merged form
e0208-label = again as { $kind }
e0208-first = first as { $first }
e0208-note = the merged submission is one object: every situation's answer, every shared field and each item's own fields (under the item's id) sit side by side at its top, so one would overwrite the other and the form would ask one question twice
e0208-help = rename one of them; a name at the top of the form means one thing
e0208-situation = a situation
e0208-shared = a shared field
e0208-section = an item with fields of its own
e0210 = the field `{ $field }` cannot have its own `when` here
e0210-list-label = a field of a list's entries
e0210-list-help = every entry of a list has the same fields: give the list itself a `when …` in its own block, or write `required when …` on this field
e0210-dictionary-label = a dictionary field
e0210-dictionary-help = a dictionary is shared by every matter and knows no situations: write `when …` in the `shared` entry (or the form) that takes this field into a matter
e0211 = `{ $name }` is a field of the form, not a situation: conditions speak of situations
e0211-label = a condition names this field
e0211-def = `{ $name }` is declared here as a field
e0211-note = a condition decides what the applicant is asked and must bring before the form is filled (the notice, the plan, the form itself), so it can name only situations, which every applicant answers first
e0211-choice-help = declare the question once as a situation, `situation { $name } "…" {"{"} … {"}"}` with the field's options, delete the field, and list `{ $name }` in the form of each item whose department needs the answer: its packet then carries it
e0211-help = ask what decides this as a situation (`situation ID "question" bool` or with options) and name that situation here
e0212 = `{ $name }` is a situation: its answer takes no constraints and no `when` in a form
e0212-label = not allowed on a situation's answer
e0212-def = `{ $name }` is declared here as a situation
e0212-note = a form may list a situation so that the department's packet carries the answer; the applicant answers every situation once, before the form, so it is always there and always one of its options
e0212-help = write just `{ $name }` (or `local_name = { $name } "label"`) in the form
e0215 = `message` after `{ $name }`, which a value cannot fail: the applicant would never read it
e0215-label = this message is never shown
e0215-after = `{ $name }` is not checked against the applicant's value
e0215-note = a message after a constraint is what the form and the runtime say when that constraint refuses a value; only `required`, `min`, `max`, `min_length`, `max_length`, `pattern`, `min_items`, `max_items`, `not_before` and `not_after` can refuse one
e0215-help = delete this `message "…"`, or move it after the constraint whose failure it explains; a message for a failed pattern or format of the field's type stands alone in the block: `message "…"`
e0215-help-attribute = delete this `message "…"`: only a field's constraints take a message
e0216 = the message of `{ $name }` is empty
e0216-own = the field's own `message` is empty
e0216-label = an empty message
e0216-of = the constraint it would explain
e0216-help = write what the applicant should do, e.g. `message "请填写18位居民身份证号码，末位可为X"`, or delete the message to keep the one written from the field's type and bounds
e0217 = `{ $name }` has more than one message
e0217-label = a second message
e0217-first = the first message
e0217-help = a failed constraint shows one message: keep one `message "…"` after `{ $name }`

## Sources of stated facts (E04xx, W04xx)

e0401 = `{ $word }` would be printed in a public document
e0401-label = this text is printed in the guide or a notice
e0401-note = a remark about a fact's state is for analysts; a reviewer would send the guide back
e0401-help = move the remark into `note "…"` (never printed), and keep the printed text to the fact itself
w0401 = the legal limit of `{ $item }` names no source
w0401-label = which law or regulation sets this limit?
w0401-note = a public document prints a legal limit with the article that sets it; without one it prints 「未注明法律依据」, never a bare 法定时限
w0401-help = add the article: `legal 20 workdays basis "《…》第…条"`; if no law or regulation sets a limit, write `legal unregulated` (printed 法律法规未规定办理时限)
w0402 = the fee of `{ $item }` names no source
w0402-label = which rule sets this fee, or waives it?
w0402-note = 不收费 is a fact like an amount: the applicant may rely on it
w0402-help = add the basis: `fee none basis "《…》第…条"` or `fee 20 yuan basis "《…》第…条"`
w0403 = the catalogue code of `{ $owner }` names no source
w0403-label = which catalogue lists this code?
w0403-note = a published guide prints the 事项编码 as the catalogue gives it
w0403-help = add the catalogue: `code "…" basis "《…政务服务事项目录》"`

## 改革成效 (E041x, W041x)

e0410 = merging makes the 改革成效 figure `{ $figure }` of `{ $matter }` worse: { $before } one by one, { $after } in the merged matter
e0410-label = the guide would publish a 改革成效 that is worse than handling the items one by one
e0410-note = "before" handles each applicable item on its own (its own acceptance, processing and delivery, visits and department), "after" is the merged matter; each figure is the maximum over the combinations of answers (spec/guide.md §改革成效)
e0410-help = shorten the merged plan (the flow's waits, the promises, the matter's `visits`), or, if the figure is right, acknowledge it with the reason the guide prints next to it: `worse { $figure } "……"`
w0410 = `worse { $figure }` acknowledges a figure that merging does not make worse ({ $before } one by one, { $after } merged)
w0410-label = this reason would be printed next to a figure that is not worse
w0410-help = delete this `worse` statement
e0308-bare = the rules exclude every combination of answers
e0308 = the rules exclude every combination of answers, so no applicant could ever apply
e0308-label = 「{ $rule }」
e0308-note = a rule says what every possible combination of answers meets; together these rules are never met
e0308-help = write each rule as what must hold, not as the combination it forbids: to forbid A together with B, write `not (A and B)`
limit-promise = promise
limit-legal = legal limit
e0310 = this `{ $what }` holds only for some answers, and no limit is given for the others
e0310-table = this `{ $what }` by situation has no `otherwise`
e0310-label = for the other answers?
e0310-note = a limit by situation must give a limit for every combination of answers: the plan, the notices and the runtime's clocks need one for every applicant
e0310-help = write the limits as a table and add the limit for every other case: `{ $what } {"{"} { $first }; otherwise DURATION {"}"}`
e0311 = two arms of the { $what } of `{ $item }` hold for the same answers
e0311-label = this arm holds too
e0311-other = this arm holds
e0311-note = both hold when { $answers }
e0311-help = decide which limit applies when both hold, and write the conditions so that at most one arm holds for any answers
e0312 = the { $what } of `{ $item }` depends on `{ $name }`, which is not a situation
e0312-label = `{ $name }` is a field
e0312-field = declared here
e0312-note = limits are planned per situation: the plan, the notices and the runtime's clocks know the answers to the situations when a case starts
e0312-help = if this answer decides the limit, ask it as a situation (`situation { $name } "…" {"{"} … {"}"}`) and name that situation here
e0320 = the wait step `{ $wait }` lasts { $duration }: a waiting period runs in days
e0320-label = a 公告期 or 公示期 is counted in natural days or working days
e0320-note = a waiting period (公告期, 公示期, 异议期) is set by law in days; `immediate` is no wait at all, and hours have no meaning for a notice that the public must be able to read
e0320-help = write the duration the basis sets, e.g. `20 days` (natural days) or `10 workdays`; if nothing has to wait, delete the `wait` statement and its place in the chains
w0304 = `{ $item }` never applies: the rules exclude every combination where { $when }
w0304-label = no possible combination of answers meets this
w0304-rule = excluded by 「{ $rule }」
w0304-note = an item that never applies is never handled, yet the guide and the form still show it
w0304-help = if `{ $item }` is needed, correct its `when` or the rule; otherwise delete the item
w0320 = the wait step `{ $wait }` names no basis for its duration
w0320-label = which law or regulation sets this period?
w0320-note = the guide prints a waiting period with the article that sets it; without one it prints 未注明依据, and the applicant cannot check why the case waits
w0320-help = name the article after the duration, e.g. `wait publicity "简易注销公示" 20 days basis "《市场主体登记管理条例》第三十三条"`
