SELECT mood < 'ok' FROM diary WHERE day = '2024-01-02';
