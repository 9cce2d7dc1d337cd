from swdev.gazetteer_build.build_table import main

main()
