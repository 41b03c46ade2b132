// The command table: each command's name, options and help in one place, so that parsing,
// `--help` and the README agree.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/environment.hpp"

namespace pipecrm::cli {

struct OptionSpec {
    std::string name;        ///< without the leading "--"
    std::string value_name;  ///< empty for a flag that takes no value
    std::string help;
    bool required = false;
    std::string default_value;
    bool repeatable = false;  ///< may be given more than once (Arguments::GetAll)
};

/// Options as given on the command line, defaults filled in.
class Arguments {
  public:
    const std::string& Get(const std::string& name) const;
    bool Has(const std::string& name) const { return values_.count(name) > 0; }
    void Set(const std::string& name, std::string value) { values_[name] = std::move(value); }
    /// Every value of a repeatable option, in the order given.
    const std::vector<std::string>& GetAll(const std::string& name) const;
    void Add(const std::string& name, std::string value);

  private:
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> repeated_;
};

struct Command {
    std::string name;  ///< one or two words: "serve", "token create"
    std::string summary;
    std::vector<OptionSpec> options;
    Status (*run)(const Arguments& args, Environment& env);
    /// Words that follow the command name, in order ("KIND", "FILE"); each is read with
    /// Arguments::Get under its name. All are required.
    std::vector<std::string> positionals = {};
};

/// Every command, in the order `--help` lists them.
const std::vector<Command>& Commands();

/// Runs the command line (argv without the program name). Returns the process exit code:
/// 0 on success, 2 for a usage error, otherwise the code of the error (see ExitCodeFor).
int RunCommandLine(const std::vector<std::string>& argv, Environment& env);

/// The exit code for each error code (every code is mapped; a test checks it).
int ExitCodeFor(ErrorCode code);

/// The full help text, or one command's help.
std::string HelpText();
std::string CommandHelp(const Command& command);

}  // namespace pipecrm::cli
