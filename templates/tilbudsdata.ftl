${json}
