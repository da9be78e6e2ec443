print("demo server: not built yet")
