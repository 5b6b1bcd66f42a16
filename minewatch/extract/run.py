EXTRACTORS = []

def extract(*a):
    return []
