#include "cli/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <string_view>

#include "util/console_text.h"

namespace cli {

namespace {

// "%*" in a console pattern: the level as a Russian reader names it
// ("предупреждение: "), nothing for plain information. The console shows
// warnings and errors to the methodist; spdlog's "W"/"warning" would not
// tell them anything.
class RussianLevel final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    const std::string_view word = level_word(msg.level);
    dest.append(word.data(), word.data() + word.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return spdlog::details::make_unique<RussianLevel>();
  }

 private:
  static std::string_view level_word(spdlog::level::level_enum level) {
    switch (level) {
      case spdlog::level::critical: return "критическая ошибка: ";
      case spdlog::level::err: return "ошибка: ";
      case spdlog::level::warn: return "предупреждение: ";
      case spdlog::level::debug:
      case spdlog::level::trace: return "отладка: ";
      default: return "";
    }
  }
};

// "%&" instead of "%v": the message with control characters escaped. File
// names and cell texts reach log lines; raw, an escape sequence from a cell
// would recolour the terminal or the cron mail that shows it.
class EscapedMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    const auto text = util::console_text(std::string_view(msg.payload.data(), msg.payload.size()));
    dest.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return spdlog::details::make_unique<EscapedMessage>();
  }
};

}  // namespace

void setup_logging(int verbosity) {
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<RussianLevel>('*').add_flag<EscapedMessage>('&').set_pattern("%^%*%$%&");
  console->set_formatter(std::move(formatter));
  auto logger = std::make_shared<spdlog::logger>("metodmon", console);
  logger->set_level(verbosity <= 0   ? spdlog::level::warn
                    : verbosity == 1 ? spdlog::level::info
                                     : spdlog::level::debug);
  console->set_level(logger->level());
  spdlog::set_default_logger(logger);
}

bool add_file_log(const std::filesystem::path& state_dir) {
  try {
    const auto dir = state_dir / "logs";
    std::filesystem::create_directories(dir);
    auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>((dir / "metodmon.log").string(),
                                                                       5u << 20, 5);
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<EscapedMessage>('&').set_pattern("%Y-%m-%d %H:%M:%S.%e [%P] %l %&");
    file->set_formatter(std::move(formatter));
    file->set_level(spdlog::level::debug);
    auto logger = spdlog::default_logger();
    logger->sinks().push_back(file);
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::info);
    return true;
  } catch (const std::exception& e) {
    spdlog::warn("не удалось открыть журнал в папке {}: {}", state_dir.string(), e.what());
    return false;
  }
}

}  // namespace cli
