# 命令行信息，简体中文。

cli-checked = 已检查 { $files } 个文件、{ $matters } 个事项：{ $errors } 个错误，{ $warnings } 个警告
cli-unknown-code = 错误：未知的代码 `{ $code }`；可用的代码有：
