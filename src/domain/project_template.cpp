#include "domain/project_template.hpp"

namespace pipecrm::domain {

Result<std::vector<std::string>> ProjectTemplateStages(std::string_view language) {
    if (language == "en") {
        return std::vector<std::string>{"Idea", "Planning", "In progress", "Review", "Done"};
    }
    if (language == "vi") {
        return std::vector<std::string>{"Ý tưởng", "Lập kế hoạch", "Đang thực hiện", "Xem xét",
                                        "Hoàn thành"};
    }
    return InvalidArgument("language must be en or vi", "language");
}

}  // namespace pipecrm::domain
