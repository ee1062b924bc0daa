# Command-line messages, English.

cli-checked = checked { $files } file(s), { $matters } matter(s): { $errors } error(s), { $warnings } warning(s)
cli-unknown-code = error: unknown code `{ $code }`; the codes are:
