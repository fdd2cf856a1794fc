#!/usr/bin/env bash
# One command for a methodist's first look: installs what is missing, builds,
# and runs the monthly job on sample_workbooks/ (a fictional municipality,
# some forms with typical mistakes). Prints where the results workbook is.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" "$root/build" -DMETODMON_BUILD_TESTS=OFF
set +e
"$root/build/src/cli/metodmon" run --config "$root/scripts/demo.toml"
code=$?
set -e
case $code in
  0) echo "Готово: все формы приняты." ;;
  2) echo "Готово: книга результатов записана; часть форм отклонена (так и задумано в примере — см. лист «Ошибки»)." ;;
  3) echo "Готово: книга результатов записана; часть писем не отправлена." ;;
  *) echo "Запуск завершился с ошибкой (код $code)."; exit "$code" ;;
esac
