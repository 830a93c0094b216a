import Foundation

// diversitykit: the command-line tool. Everything it does is in Commands; this file only runs it.
exit(await Commands.main(Array(CommandLine.arguments.dropFirst())))
