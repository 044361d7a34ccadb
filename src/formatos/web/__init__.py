"""La página web local de formatos (`formatos web`): descargar el libro de captura, subirlo, revisar, generar.

Está encima de la biblioteca (usa `formatos.cargar`, `formatos.generar`, `formatos.entrada.a_excel`) y la
biblioteca nunca la importa. Starlette y uvicorn se importan solo al usar la página.
"""
