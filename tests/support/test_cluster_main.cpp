// pipecrm_test_cluster start|stop STATE_DIR: one throwaway PostgreSQL cluster for a whole ctest
// run (the fixture tests postgresql_cluster_start/stop in tests/CMakeLists.txt). `start` leaves
// the server running and writes STATE_DIR/cluster ("DIR PORT"); tests then take a new database
// each on it (support/test_database.cpp). `stop` stops it and removes its directory; so does a
// `start` that finds one left over by an interrupted run.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "support/postgres_cluster.hpp"

namespace {

void StopRecorded(const std::string& state) {
    std::ifstream in(state);
    std::string dir;
    int port = 0;
    if (in >> dir >> port) {
        pipecrm::testing::PostgresCluster::Adopt(dir, static_cast<std::uint16_t>(port)).reset();
    }
    std::error_code ignored;
    std::filesystem::remove(state, ignored);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 || (std::string(argv[1]) != "start" && std::string(argv[1]) != "stop")) {
        std::cerr << "usage: pipecrm_test_cluster start|stop STATE_DIR\n";
        return 2;
    }
    const std::string state_dir = argv[2];
    const std::string state = state_dir + "/cluster";
    StopRecorded(state);
    if (std::string(argv[1]) == "stop") {
        return 0;
    }
    pipecrm::testing::PostgresCluster cluster;
    if (!cluster.started()) {
        std::cerr << "cannot start a PostgreSQL cluster: " << cluster.error() << "\n";
        return 1;
    }
    std::filesystem::create_directories(state_dir);
    std::ofstream(state) << cluster.dir() << " " << cluster.port() << "\n";
    cluster.Detach();
    std::cout << "PostgreSQL test cluster on port " << cluster.port() << "\n";
    return 0;
}
