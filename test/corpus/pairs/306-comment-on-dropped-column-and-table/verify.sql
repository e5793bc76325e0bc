SELECT stays = 's' FROM keep;
