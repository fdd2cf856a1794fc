#include "cli/logging.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace cli {

void setup_logging(int verbosity) {
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_pattern("%^%L%$ %v");
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
    file->set_pattern("%Y-%m-%d %H:%M:%S.%e [%P] %l %v");
    file->set_level(spdlog::level::debug);
    auto logger = spdlog::default_logger();
    logger->sinks().push_back(file);
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::info);
    return true;
  } catch (const std::exception& e) {
    spdlog::warn("cannot open log file in {}: {}", state_dir.string(), e.what());
    return false;
  }
}

}  // namespace cli
