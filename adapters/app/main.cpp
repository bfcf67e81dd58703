// Entry point: hands the arguments to the CLI, which wires every object explicitly.
#include <iostream>
#include <string>
#include <vector>

#include "adapters/app/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return netra::adapters::run_cli(args, std::cin, std::cout, std::cerr);
}
