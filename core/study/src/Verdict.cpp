#include "causeway/study/Verdict.hpp"

namespace causeway::study {

const char* toString(CheckStatus status) {
  switch (status) {
    case CheckStatus::Pass: return "pass";
    case CheckStatus::Warn: return "warn";
    case CheckStatus::Fail: return "fail";
    case CheckStatus::NotRun: return "not-run";
  }
  return "not-run";
}

const char* toString(VerdictLevel level) {
  switch (level) {
    case VerdictLevel::Supported: return "supported";
    case VerdictLevel::Fragile: return "fragile";
    case VerdictLevel::NotSupported: return "not-supported";
  }
  return "not-supported";
}

}  // namespace causeway::study
