from strikewatch.cli import main

main()
