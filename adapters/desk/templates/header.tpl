{{%AUTOESCAPE context="HTML"}}{{! The top of every desk page: head, the bar with the reviewer's name and the logout form. }}<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>{{TITLE}} · Meja Peninjau Netra</title>
<link rel="stylesheet" href="/desk/desk.css">
</head>
<body>
<header class="bar">
  <a class="brand" href="/desk">Netra <span>Meja Peninjau</span></a>
  {{#SIGNED_IN}}
  <form method="post" action="/desk/logout" class="logout">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <span class="who">{{REVIEWER}}</span>
    <button type="submit" data-testid="logout">Keluar</button>
  </form>
  {{/SIGNED_IN}}
</header>
<main>
{{#NOTICE}}<p class="notice {{KIND}}" role="status" data-testid="notice">{{TEXT}}</p>{{/NOTICE}}
