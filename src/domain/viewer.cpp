#include "domain/viewer.hpp"

#include <utility>

namespace pipecrm::domain {
namespace {

thread_local std::optional<Viewer> current_viewer;

}  // namespace

const std::optional<Viewer>& CurrentViewer() {
    return current_viewer;
}

ViewerScope::ViewerScope(std::optional<Viewer> viewer)
    : previous_(std::exchange(current_viewer, viewer)) {}

ViewerScope::~ViewerScope() {
    current_viewer = previous_;
}

}  // namespace pipecrm::domain
