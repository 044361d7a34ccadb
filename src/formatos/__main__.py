from formatos.cli import main

main()
