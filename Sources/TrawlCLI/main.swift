print("trawl: not built yet")
