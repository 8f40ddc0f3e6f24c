<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>The wall screen {screen} was disconnected; its panes moved to the main screen.</source>
        <translation>墙幕 {screen} 已断开，其上的窗格已移到主屏幕。</translation>
    </message>
    <message>
        <source>Return to main window</source>
        <translation>回到主窗口</translation>
    </message>
    <message>
        <source>Wall layouts</source>
        <translation>视频墙布局</translation>
    </message>
    <message>
        <source>New layout</source>
        <translation>新建布局</translation>
    </message>
    <message>
        <source>Your layouts</source>
        <translation>自定义布局</translation>
    </message>
    <message>
        <source>Rows × columns</source>
        <translation>行 × 列</translation>
    </message>
    <message>
        <source>Merge into one tile</source>
        <translation>合并为一个画面</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>Drag across cells, then merge them into one larger tile.</source>
        <translation>拖选多个格子，再合并为一个大画面。</translation>
    </message>
    <message>
        <source>a layout needs a name</source>
        <translation>布局需要一个名称</translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation>保存布局</translation>
    </message>
    <message>
        <source>That rectangle cuts through a merged tile: split it first or select around it.</source>
        <translation>所选区域穿过了已合并的画面：请先拆分，或把它整个框选在内。</translation>
    </message>
    <message>
        <source>Name of the layout (save as “{hall}” for the F12 hall layout):</source>
        <translation>布局名称（保存为“{hall}”即成为 F12 大厅布局）：</translation>
    </message>
    <message>
        <source>Layout “{name}” saved.</source>
        <translation>布局“{name}”已保存。</translation>
    </message>
    <message>
        <source>No layouts are saved yet.</source>
        <translation>尚未保存任何布局。</translation>
    </message>
    <message>
        <source>Layouts</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>Rename or delete</source>
        <translation>重命名或删除</translation>
    </message>
    <message>
        <source>New name for “{name}” (leave empty to delete it):</source>
        <translation>“{name}”的新名称（留空则删除）：</translation>
    </message>
    <message>
        <source>Delete layout</source>
        <translation>删除布局</translation>
    </message>
    <message>
        <source>Delete the layout “{name}”?</source>
        <translation>删除布局“{name}”？</translation>
    </message>
    <message>
        <source>That screen is no longer connected.</source>
        <translation>该屏幕已不再连接。</translation>
    </message>
    <message>
        <source>Screen connected</source>
        <translation>屏幕已连接</translation>
    </message>
    <message>
        <source>The screen {screen} is connected again. Put its panes back on it?</source>
        <translation>屏幕 {screen} 已重新连接。是否把原来的窗格放回该屏幕？</translation>
    </message>
    <message>
        <source>A layout needs a name.</source>
        <translation>布局需要一个名称。</translation>
    </message>
    <message>
        <source>There is no saved layout named “{name}”.</source>
        <translation>没有名为“{name}”的已保存布局。</translation>
    </message>
    <message>
        <source>The layout “{name}” could not be read ({reason}).</source>
        <translation>无法读取布局“{name}”（{reason}）。</translation>
    </message>
    <message>
        <source>The layout “{name}” was saved by a newer version of the workstation and cannot be opened here.</source>
        <translation>布局“{name}”由更新版本的工作站保存，此处无法打开。</translation>
    </message>
    <message>
        <source>The layout “{name}” is damaged and cannot be used; the file was set aside as {file}.</source>
        <translation>布局“{name}”已损坏，无法使用；该文件已另存为 {file}。</translation>
    </message>
    <message>
        <source>The layout “{name}” could not be saved ({reason}).</source>
        <translation>无法保存布局“{name}”（{reason}）。</translation>
    </message>
    <message>
        <source>A layout named “{name}” already exists.</source>
        <translation>名为“{name}”的布局已存在。</translation>
    </message>
    <message>
        <source>The arrangement of the panes in “{name}” could not be restored; the panes stay where they are.</source>
        <translation>无法恢复“{name}”中的窗格排列；窗格保持原位。</translation>
    </message>
    <message>
        <source>“{pane}” belongs on the screen {screen}, which is not connected; it is shown in a window on the main screen.</source>
        <translation>“{pane}”应显示在屏幕 {screen} 上，但该屏幕未连接；现以窗口形式显示在主屏幕上。</translation>
    </message>
    <message>
        <source>“{pane}” could not restore its own settings; it shows its defaults.</source>
        <translation>“{pane}”无法恢复自身设置，现使用默认设置。</translation>
    </message>
    <message>
        <source>%n window was moved to the main screen.</source>
        <translation>%n 个窗口已移到主屏幕。</translation>
    </message>
    <message>
        <source>%n windows were moved to the main screen.</source>
        <translation>%n 个窗口已移到主屏幕。</translation>
    </message>
    <message>
        <source>The layout expected %n screen;</source>
        <translation>该布局需要 %n 块屏幕；</translation>
    </message>
    <message>
        <source>The layout expected %n screens;</source>
        <translation>该布局需要 %n 块屏幕；</translation>
    </message>
    <message>
        <source>%n is connected.</source>
        <translation>当前连接 %n 块。</translation>
    </message>
    <message>
        <source>%n are connected.</source>
        <translation>当前连接 %n 块。</translation>
    </message>
    <message>
        <source>No layout is saved under Ctrl+{key}.</source>
        <translation>Ctrl+{key} 下没有保存布局。</translation>
    </message>
    <message>
        <source>There is no hall layout yet: save one as “{name}”.</source>
        <translation>尚无大厅布局：请保存一个名为“{name}”的布局。</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Set by the site configuration ({path})</source>
        <translation>由站点配置设定（{path}）</translation>
    </message>
    <message>
        <source>Remember server and user on this workstation</source>
        <translation>在本工作站记住服务器和用户名</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Please enter the server, your user name and your password.</source>
        <translation>请输入服务器、用户名和密码。</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Command-center workstation</source>
        <translation>指挥中心工作站</translation>
    </message>
    <message>
        <source>&amp;Workstation</source>
        <translation>工作站(&amp;W)</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Layouts</source>
        <translation>布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Send to screen</source>
        <translation>发送到屏幕</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>命令面板…</translation>
    </message>
    <message>
        <source>Show or hide: {pane}</source>
        <translation>显示或隐藏：{pane}</translation>
    </message>
    <message>
        <source>Save layout as…</source>
        <translation>布局另存为…</translation>
    </message>
    <message>
        <source>Rename or delete layouts…</source>
        <translation>重命名或删除布局…</translation>
    </message>
    <message>
        <source>Restore hall layout</source>
        <translation>恢复大厅布局</translation>
    </message>
    <message>
        <source>The new language applies the next time the workstation starts.</source>
        <translation>新语言将在工作站下次启动时生效。</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Reconnecting in {n} s (attempt {a})</source>
        <translation>{n} 秒后重新连接（第 {a} 次）</translation>
    </message>
    <message>
        <source>OFFLINE since {t}</source>
        <translation>自 {t} 起离线</translation>
    </message>
    <message>
        <source>Session expired — log in again</source>
        <translation>会话已过期——请重新登录</translation>
    </message>
    <message>
        <source>OFFLINE — showing cached data as of {t}</source>
        <translation>离线——显示截至 {t} 的缓存数据</translation>
    </message>
    <message>
        <source>OFFLINE — no data from the server yet</source>
        <translation>离线——尚未收到服务器数据</translation>
    </message>
    <message>
        <source>next attempt in {n} s</source>
        <translation>{n} 秒后重试</translation>
    </message>
    <message>
        <source>Your session has expired. Log in again — nothing you did is lost; queued commands wait.</source>
        <translation>会话已过期。请重新登录——您的操作不会丢失，排队的指令正在等待发送。</translation>
    </message>
    <message>
        <source>ALARM FLOOD: {n} new alarms in 10 min (flood above {t}) · {rate} per minute now · in flood for {since} (this shift {total})</source>
        <translation>警情激增：10 分钟内新增 {n} 起（阈值 {t} 起）· 当前每分钟 {rate} 起 · 已持续 {since}（本班累计 {total}）</translation>
    </message>
    <message>
        <source>%n alarm unacknowledged</source>
        <translation>%n 起警情未确认</translation>
    </message>
    <message>
        <source>%n alarms unacknowledged</source>
        <translation>%n 起警情未确认</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>%n command queued</source>
        <translation>%n 条指令排队中</translation>
    </message>
    <message>
        <source>%n commands queued</source>
        <translation>%n 条指令排队中</translation>
    </message>
    <message>
        <source>Refused by the server: {m}</source>
        <translation>服务器拒绝：{m}</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>The site configuration sets the server to {url}; the server given on the command line is not used.</source>
        <translation>站点配置将服务器设为 {url}；命令行指定的服务器不予使用。</translation>
    </message>
    <message>
        <source>The demo server did not start. See the log for details.</source>
        <translation>演示服务器未能启动。详情请查看日志。</translation>
    </message>
    <message>
        <source>P</source>
        <translation>级</translation>
    </message>
    <message>
        <source>dealt with on scene or by phone</source>
        <translation>已在现场或通过电话处置完毕</translation>
    </message>
    <message>
        <source>no incident: a faulty detector, a mistaken call</source>
        <translation>无实际警情：探测器故障、误拨报警电话等</translation>
    </message>
    <message>
        <source>the same incident as another alarm</source>
        <translation>与另一起警情为同一事件</translation>
    </message>
    <message>
        <source>handed to another agency or hall</source>
        <translation>已移交其他部门或指挥中心</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Note on {id}: {title}</source>
        <translation>为 {id} 添加备注：{title}</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Close {id}: {title}</source>
        <translation>结束 {id}：{title}</translation>
    </message>
    <message>
        <source>Close {n} alarms of this group (each one is sent separately).</source>
        <translation>结束本组 {n} 起警情（逐起分别发送）。</translation>
    </message>
    <message>
        <source>Close alarm</source>
        <translation>结束警情</translation>
    </message>
    <message>
        <source>Choose how it ended…</source>
        <translation>选择处置结果…</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Close %n alarm</source>
        <translation>结束 %n 起警情</translation>
    </message>
    <message>
        <source>Close %n alarms</source>
        <translation>结束 %n 起警情</translation>
    </message>
    <message>
        <source>Match confidence {p} %.</source>
        <translation>比对相似度 {p}%。</translation>
    </message>
    <message>
        <source>Compare the live picture with the watchlist entry.</source>
        <translation>请将实时画面与布控对象信息进行比对。</translation>
    </message>
    <message>
        <source>Verify watchlist match</source>
        <translation>核实布控比中</translation>
    </message>
    <message>
        <source>Record verification</source>
        <translation>提交核实结果</translation>
    </message>
    <message>
        <source>It is a match</source>
        <translation>比中属实</translation>
    </message>
    <message>
        <source>Not a match (closes the alarm as a false alarm)</source>
        <translation>比中不属实（按误报结束警情）</translation>
    </message>
    <message>
        <source>Why (required):</source>
        <translation>理由（必填）：</translation>
    </message>
    <message>
        <source>Raise an alarm</source>
        <translation>新建警情</translation>
    </message>
    <message>
        <source>P{p}</source>
        <translation>{p}级</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <source>By station</source>
        <translation>按派出所</translation>
    </message>
    <message>
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Available near the alarm</source>
        <translation>警情附近可用警力</translation>
    </message>
    <message>
        <source>The available units nearest the selected alarm, as the dispatch picker ranks them</source>
        <translation>距所选警情最近的可用警力（与派警选择的排序相同）</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>大字</translation>
    </message>
    <message>
        <source>Large text, to be read from across the hall (for a wall screen)</source>
        <translation>大字显示，便于在大厅远处阅读（用于大屏）</translation>
    </message>
    <message>
        <source>Contact confirmed…</source>
        <translation>已确认联络…</translation>
    </message>
    <message>
        <source>{unit} was not set to {status}: the central services refused ({why}).</source>
        <translation>{unit} 未能设为{status}：中心服务拒绝（{why}）。</translation>
    </message>
    <message>
        <source>As of {time} (not live)</source>
        <translation>截至 {time}（非实时）</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 个超时</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <source>Home grid</source>
        <translation>所属网格</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Show all units</source>
        <translation>显示全部警力</translation>
    </message>
    <message>
        <source>Filter (on)</source>
        <translation>筛选（已启用）</translation>
    </message>
    <message>
        <source>Select an alarm: the available units nearest it are listed here.</source>
        <translation>请选择一起警情：距其最近的可用警力将列在这里。</translation>
    </message>
    <message>
        <source>Available units nearest {alarm}</source>
        <translation>距 {alarm} 最近的可用警力</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <source>Contact confirmed (welfare check)…</source>
        <translation>已确认联络（安全确认）…</translation>
    </message>
    <message>
        <source>Show its alarm</source>
        <translation>显示其警情</translation>
    </message>
    <message>
        <source>{unit} is on the alarm {alarm}. Put it out of service anyway? The alarm will need another unit.</source>
        <translation>{unit} 正在处置警情 {alarm}。仍要设为停止执勤吗？该警情将需要另派警力。</translation>
    </message>
    <message>
        <source>Welfare check due: {units}. Call the crew, then confirm contact.</source>
        <translation>需要安全确认：{units}。请呼叫该组警员，然后确认已联络。</translation>
    </message>
    <message>
        <source>✓ {unit}: welfare check, contact with the crew confirmed</source>
        <translation>✓ {unit}：安全确认，已与警员取得联络</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Raise alarm</source>
        <translation>新建警情</translation>
    </message>
    <message>
        <source>Patrol note</source>
        <translation>巡查记录</translation>
    </message>
    <message>
        <source>What do you see on {camera}?</source>
        <translation>您在 {camera} 上看到了什么？</translation>
    </message>
    <message>
        <source>Post note</source>
        <translation>提交记录</translation>
    </message>
    <message>
        <source>Raise a new alarm with this camera</source>
        <translation>以此摄像机新建警情</translation>
    </message>
    <message>
        <source>Post to</source>
        <translation>提交到</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已过时间</translation>
    </message>
    <message>
        <source>The closed alarms could not be loaded; see the log.</source>
        <translation>已结束警情未能加载，详见日志。</translation>
    </message>
    <message>
        <source>{sources}, {alarms} hidden (P1 always shown)</source>
        <translation>{sources}，隐藏 {alarms}（1 级警情始终显示）</translation>
    </message>
    <message>
        <source>%n source shelved</source>
        <translation>已搁置 %n 个报警源</translation>
    </message>
    <message>
        <source>%n sources shelved</source>
        <translation>已搁置 %n 个报警源</translation>
    </message>
    <message>
        <source>%n alarm</source>
        <translation>%n 起警情</translation>
    </message>
    <message>
        <source>%n alarms</source>
        <translation>%n 起警情</translation>
    </message>
    <message>
        <source>Select an alarm in the queue to see it here.</source>
        <translation>在队列中选择一起警情，即可在此查看详情。</translation>
    </message>
    <message>
        <source>This alarm is closed or no longer known.</source>
        <translation>该警情已结束或已不存在。</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>派警…</translation>
    </message>
    <message>
        <source>Verify match…</source>
        <translation>核实比中…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>结束…</translation>
    </message>
    <message>
        <source>Fold the group</source>
        <translation>收起该组</translation>
    </message>
    <message>
        <source>Show the {n} alarms of the group</source>
        <translation>展开该组的 {n} 起警情</translation>
    </message>
    <message>
        <source>Shelve this source…</source>
        <translation>搁置此报警源…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派警</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Show cameras on the wall</source>
        <translation>在视频墙上显示摄像机</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>警力</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处置记录</translation>
    </message>
    <message>
        <source>Shortcut: {key}</source>
        <translation>快捷键：{key}</translation>
    </message>
    <message>
        <source>{state}, closing (queued)</source>
        <translation>{state}，正在结束（排队中）</translation>
    </message>
    <message>
        <source>{state} (queued)</source>
        <translation>{state}（排队中）</translation>
    </message>
    <message>
        <source>Camera snapshot</source>
        <translation>摄像机抓拍</translation>
    </message>
    <message>
        <source>Watchlist photo</source>
        <translation>布控照片</translation>
    </message>
    <message>
        <source>No snapshot</source>
        <translation>无抓拍图</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Not shown for your role</source>
        <translation>您的角色不显示</translation>
    </message>
    <message>
        <source>Match confidence: {p} %</source>
        <translation>比对相似度：{p}%</translation>
    </message>
    <message>
        <source>Not verified: verify the match before anyone is dispatched</source>
        <translation>未核实：派警前须先核实比中</translation>
    </message>
    <message>
        <source>Verified by a person: a match</source>
        <translation>已人工核实：比中属实</translation>
    </message>
    <message>
        <source>Verified by a person: not a match</source>
        <translation>已人工核实：比中不属实</translation>
    </message>
    <message>
        <source>Handling: {h}</source>
        <translation>处置要求：{h}</translation>
    </message>
    <message>
        <source>Legal basis: {b} · valid until {d}</source>
        <translation>法律依据：{b} · 有效期至 {d}</translation>
    </message>
    <message>
        <source>Watchlist details are not shown for your role.</source>
        <translation>您的角色无权查看布控详情。</translation>
    </message>
    <message>
        <source>The entry is no longer on the watchlist.</source>
        <translation>该对象已不在布控名单中。</translation>
    </message>
    <message>
        <source>Put {camera} on the wall</source>
        <translation>将 {camera} 上视频墙</translation>
    </message>
    <message>
        <source>{n} repeats from {source} ({kind}), {first} to {last}. Acknowledging or closing acts on all of them.</source>
        <translation>{source}（{kind}）在 {first} 至 {last} 间重复报警 {n} 次。确认或结束将作用于其中全部警情。</translation>
    </message>
    <message>
        <source>Fold the group in the queue</source>
        <translation>在队列中收起该组</translation>
    </message>
    <message>
        <source>Expand the group in the queue</source>
        <translation>在队列中展开该组</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <source>{t} by {who}</source>
        <translation>{t}（{who}）</translation>
    </message>
    <message>
        <source>No camera sees this place.</source>
        <translation>没有摄像机覆盖此地点。</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>无摄像机</translation>
    </message>
    <message>
        <source>No camera: drag one here</source>
        <translation>无摄像机：请拖入一路</translation>
    </message>
    <message>
        <source>Signal lost at {t} · reconnecting…</source>
        <translation>{t} 信号丢失 · 正在重连…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>SIGNAL LOST {t}</source>
        <translation>信号丢失 {t}</translation>
    </message>
    <message>
        <source>Signal lost at {t} · reconnecting in {n} s</source>
        <translation>{t} 信号丢失 · {n} 秒后重连</translation>
    </message>
    <message>
        <source>No stream for this camera</source>
        <translation>该摄像机无视频流</translation>
    </message>
    <message>
        <source>Camera offline</source>
        <translation>摄像机离线</translation>
    </message>
    <message>
        <source>live {n} fps</source>
        <translation>实时 {n}帧</translation>
    </message>
    <message>
        <source>signal lost</source>
        <translation>信号丢失</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>no stream</source>
        <translation>无视频流</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Camera number: {n}_ · Enter</source>
        <translation>摄像机编号：{n}_ · 回车</translation>
    </message>
    <message>
        <source>No unit assigned.</source>
        <translation>尚未调派警力。</translation>
    </message>
    <message>
        <source>Ack timer</source>
        <translation>确认计时</translation>
    </message>
    <message>
        <source>Priority (1 is the most urgent)</source>
        <translation>优先级（1 级最紧急）</translation>
    </message>
    <message>
        <source>Time left to acknowledge; for acknowledged alarms, the time it took</source>
        <translation>距确认时限的剩余时间；已确认的警情显示确认用时</translation>
    </message>
    <message>
        <source>Intrusion</source>
        <translation>入侵</translation>
    </message>
    <message>
        <source>Fire</source>
        <translation>火警</translation>
    </message>
    <message>
        <source>Panic</source>
        <translation>紧急求助</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>报警电话</translation>
    </message>
    <message>
        <source>Video analytics</source>
        <translation>视频分析</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>交通</translation>
    </message>
    <message>
        <source>Watchlist hit</source>
        <translation>布控比中</translation>
    </message>
    <message>
        <source>Equipment fault</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新警情</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m} 分 {s:02d} 秒</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 时 {m:02d} 分</translation>
    </message>
    <message>
        <source>{d} d {h:02d} h</source>
        <translation>{d} 天 {h:02d} 时</translation>
    </message>
    <message>
        <source>overdue +{t}</source>
        <translation>超时 +{t}</translation>
    </message>
    <message>
        <source>took {t}</source>
        <translation>用时 {t}</translation>
    </message>
    <message>
        <source>Priority {p}</source>
        <translation>{p} 级</translation>
    </message>
    <message>
        <source>To be acknowledged within {t}: {state}</source>
        <translation>须在 {t} 内确认：{state}</translation>
    </message>
    <message>
        <source>Acknowledged by {who} after {t}</source>
        <translation>{who} 于 {t} 后确认</translation>
    </message>
    <message>
        <source>Alarm queue</source>
        <translation>警情队列</translation>
    </message>
    <message>
        <source>Not connected to the central services yet.</source>
        <translation>尚未连接到中心服务。</translation>
    </message>
    <message>
        <source>Already acknowledged.</source>
        <translation>已确认。</translation>
    </message>
    <message>
        <source>%n alarm acknowledged</source>
        <translation>已确认 %n 起警情</translation>
    </message>
    <message>
        <source>%n alarms acknowledged</source>
        <translation>已确认 %n 起警情</translation>
    </message>
    <message>
        <source>Entry: {name}. Handling: {handling}</source>
        <translation>布控对象：{name}。处置要求：{handling}</translation>
    </message>
    <message>
        <source>Select an alarm first.</source>
        <translation>请先选择一起警情。</translation>
    </message>
    <message>
        <source>No grids are known yet: wait for the connection.</source>
        <translation>尚未获取网格数据：请等待连接。</translation>
    </message>
    <message>
        <source>That grid is no longer known.</source>
        <translation>该网格已不存在。</translation>
    </message>
    <message>
        <source>That grid has no usable outline: choose another.</source>
        <translation>该网格没有可用的边界：请另选一个网格。</translation>
    </message>
    <message>
        <source>Alarm raised.</source>
        <translation>警情已新建。</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm</source>
        <translation>确认所选警情</translation>
    </message>
    <message>
        <source>Add a note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Dispatch units…</source>
        <translation>调派警力…</translation>
    </message>
    <message>
        <source>unit callsigns</source>
        <translation>警力呼号</translation>
    </message>
    <message>
        <source>Verify the watchlist match…</source>
        <translation>核实布控比中…</translation>
    </message>
    <message>
        <source>Close the selected alarm…</source>
        <translation>结束所选警情…</translation>
    </message>
    <message>
        <source>resolved | false | duplicate | transferred</source>
        <translation>resolved | false | duplicate | transferred</translation>
    </message>
    <message>
        <source>Raise an alarm by hand…</source>
        <translation>手动新建警情…</translation>
    </message>
    <message>
        <source>Shelve the selected alarm&apos;s source…</source>
        <translation>搁置所选警情的报警源…</translation>
    </message>
    <message>
        <source>Shelved sources…</source>
        <translation>已搁置的报警源…</translation>
    </message>
    <message>
        <source>Select an alarm of the source to shelve.</source>
        <translation>请先选中要搁置的报警源下的一起警情。</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>{source} shelved until {t}.</source>
        <translation>{source} 已搁置至 {t}。</translation>
    </message>
    <message>
        <source>Could not write the audit record; see the log.</source>
        <translation>无法写入审计记录，请查看日志。</translation>
    </message>
    <message>
        <source>The action failed; see the log.</source>
        <translation>操作失败，请查看日志。</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>This alarm is closed.</source>
        <translation>该警情已结束。</translation>
    </message>
    <message>
        <source>This alarm is being closed.</source>
        <translation>该警情正在结束。</translation>
    </message>
    <message>
        <source>Only watchlist hits are verified.</source>
        <translation>只有布控比中警情需要核实。</translation>
    </message>
    <message>
        <source>Already verified.</source>
        <translation>已核实。</translation>
    </message>
    <message>
        <source>Verify the watchlist match first.</source>
        <translation>请先核实布控比中。</translation>
    </message>
    <message>
        <source>Acknowledge the alarm first.</source>
        <translation>请先确认警情。</translation>
    </message>
    <message>
        <source>Acknowledged by another officer: only they or a supervisor may close it.</source>
        <translation>已由其他值班员确认：只有该值班员或值班长可以结束。</translation>
    </message>
    <message>
        <source>Nothing to acknowledge.</source>
        <translation>没有需要确认的警情。</translation>
    </message>
    <message>
        <source>A note cannot be empty.</source>
        <translation>备注不能为空。</translation>
    </message>
    <message>
        <source>Choose at least one unit.</source>
        <translation>请至少选择一组警力。</translation>
    </message>
    <message>
        <source>Say why: a verification needs a note.</source>
        <translation>请说明理由：核实须填写备注。</translation>
    </message>
    <message>
        <source>Choose how the alarm ended.</source>
        <translation>请选择警情的处置结果。</translation>
    </message>
    <message>
        <source>Closing needs a note.</source>
        <translation>结束警情须填写备注。</translation>
    </message>
    <message>
        <source>Nothing to close.</source>
        <translation>没有可结束的警情。</translation>
    </message>
    <message>
        <source>An alarm needs a title.</source>
        <translation>警情须填写标题。</translation>
    </message>
    <message>
        <source>The command could not be saved on this workstation and was NOT sent. Check the disk, then try again.</source>
        <translation>该指令未能保存到本工作站，且并未发送。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>Alarm sounds cannot play: the media engine (libVLC) could not be started on this workstation. Watch the alarm queue; ask the technician to check the installation.</source>
        <translation>无法播放警情提示音：本工作站无法启动媒体引擎（libVLC）。请留意警情队列，并请技术人员检查安装。</translation>
    </message>
    <message>
        <source>Alarm sounds cannot be heard: this workstation has no working sound output. Watch the alarm queue; ask the technician to check the speakers.</source>
        <translation>警情提示音无法听到：本工作站没有可用的音频输出。请留意警情队列，并请技术人员检查扬声器。</translation>
    </message>
    <message>
        <source>Some alarm sounds are missing from the installation; those priorities stay silent. Ask the technician to reinstall.</source>
        <translation>安装中缺少部分警情提示音，相应优先级的警情将不发声。请技术人员重新安装。</translation>
    </message>
    <message>
        <source>Verify match</source>
        <translation>核实比中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>false alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复警情</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>已移交</translation>
    </message>
    <message>
        <source>Alarm raised</source>
        <translation>警情产生</translation>
    </message>
    <message>
        <source>Verified: a match</source>
        <translation>核实：比中属实</translation>
    </message>
    <message>
        <source>Verified: not a match</source>
        <translation>核实：比中不属实</translation>
    </message>
    <message>
        <source>Closed ({how})</source>
        <translation>已结束（{how}）</translation>
    </message>
    <message>
        <source>you</source>
        <translation>我</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>closing, queued</source>
        <translation>正在结束，排队中</translation>
    </message>
    <message>
        <source>{fold} {n}× {first}–{last} · {title}</source>
        <translation>{fold} {n}× {first}–{last} · {title}</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} 小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <source>Shelve alarm source</source>
        <translation>搁置报警源</translation>
    </message>
    <message>
        <source>Hide the alarms of “{source}” ({n} open) from the queue for a while. P1 alarms from it are still shown. The source comes back by itself; shelving is recorded in the audit log.</source>
        <translation>在一段时间内从队列中隐藏“{source}”的警情（当前 {n} 起未结）。该报警源的 1 级警情仍会显示。到期后自动恢复；搁置操作记入审计日志。</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>搁置</translation>
    </message>
    <message>
        <source>For</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>原因（必填）：</translation>
    </message>
    <message>
        <source>Shelved alarm sources</source>
        <translation>已搁置的报警源</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Back at</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <source>No source is shelved.</source>
        <translation>没有已搁置的报警源。</translation>
    </message>
    <message>
        <source>Bring back now</source>
        <translation>立即恢复</translation>
    </message>
    <message>
        <source>Callsign</source>
        <translation>呼号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In status</source>
        <translation>状态时长</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>电台</translation>
    </message>
    <message>
        <source>How long the unit has had its status; overdue units are marked and come first in their status</source>
        <translation>警力处于当前状态的时长；超时的警力会被标出并排在该状态的最前面</translation>
    </message>
    <message>
        <source>How old the last position report is (the map&apos;s limits)</source>
        <translation>最近一次位置报告的时效（与地图的时限相同）</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Current alarm</source>
        <translation>当前警情</translation>
    </message>
    <message>
        <source>Space or the row&apos;s number chooses a unit</source>
        <translation>按 Space 或行号选择警力</translation>
    </message>
    <message>
        <source>Straight-line distance to the alarm, not by road</source>
        <translation>到警情地点的直线距离，非道路距离</translation>
    </message>
    <message>
        <source>Straight-line distance at a nominal speed: a first guess</source>
        <translation>按直线距离和额定速度估算：仅供初步参考</translation>
    </message>
    <message>
        <source>This unit has not reported a position: ask it where it is.</source>
        <translation>该警力未上报位置：请询问其所在位置。</translation>
    </message>
    <message>
        <source>Its last position is {t} old: the distance may be wrong.</source>
        <translation>其位置已 {t} 未更新：距离可能不准。</translation>
    </message>
    <message>
        <source>not en route yet</source>
        <translation>尚未出发</translation>
    </message>
    <message>
        <source>not on scene yet</source>
        <translation>尚未到场</translation>
    </message>
    <message>
        <source>welfare check due</source>
        <translation>需要安全确认</translation>
    </message>
    <message>
        <source>position {t} old</source>
        <translation>位置已 {t} 未更新</translation>
    </message>
    <message>
        <source>{status} (queued)</source>
        <translation>{status}（排队中）</translation>
    </message>
    <message>
        <source>The status change is queued: it has not reached the central services yet.</source>
        <translation>状态变更正在排队：尚未送达中心服务。</translation>
    </message>
    <message>
        <source>Patrol car</source>
        <translation>巡逻车</translation>
    </message>
    <message>
        <source>Foot patrol</source>
        <translation>步巡</translation>
    </message>
    <message>
        <source>Motorcycle</source>
        <translation>摩托车</translation>
    </message>
    <message>
        <source>Special unit</source>
        <translation>特警</translation>
    </message>
    <message>
        <source>Traffic unit</source>
        <translation>交警</translation>
    </message>
    <message>
        <source>Ambulance</source>
        <translation>救护车</translation>
    </message>
    <message>
        <source>Fire engine</source>
        <translation>消防车</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>途中</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>暂停勤务</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>&lt; 10 m</source>
        <translation>&lt; 10 米</translation>
    </message>
    <message>
        <source>{m} m</source>
        <translation>{m} 米</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 分钟</translation>
    </message>
    <message>
        <source>~{m} min</source>
        <translation>约 {m} 分钟</translation>
    </message>
    <message>
        <source>~{h} h {m:02d} min</source>
        <translation>约 {h} 小时 {m:02d} 分钟</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>last {n} h</source>
        <translation>近 {n} 小时</translation>
    </message>
    <message>
        <source>Offline — figures as of {t}</source>
        <translation>离线 — 数据截至 {t}</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>P{p} {t}</source>
        <translation>P{p} {t}</translation>
    </message>
    <message>
        <source>target {t}</source>
        <translation>目标 {t}</translation>
    </message>
    <message>
        <source>No alarms in this period</source>
        <translation>本时段无警情</translation>
    </message>
    <message>
        <source>{pct} % within target</source>
        <translation>{pct}% 达标</translation>
    </message>
    <message>
        <source>n = {n}</source>
        <translation>n = {n}</translation>
    </message>
    <message>
        <source>(+{n} not measurable)</source>
        <translation>（另 {n} 起无法测量）</translation>
    </message>
    <message>
        <source>{pct} % online</source>
        <translation>{pct}% 在线</translation>
    </message>
    <message>
        <source>flood: &gt; {n} / {m} min</source>
        <translation>警情洪峰：&gt; {n} 起 / {m} 分钟</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>now: {n} in the last 10 min</source>
        <translation>当前：近 10 分钟 {n} 起</translation>
    </message>
    <message>
        <source>time in flood ({h} h): {t}</source>
        <translation>洪峰时长（{h} 小时）：{t}</translation>
    </message>
    <message>
        <source>{d} d</source>
        <translation>{d} 天</translation>
    </message>
    <message>
        <source>no position</source>
        <translation>无位置</translation>
    </message>
    <message>
        <source>{t} ago</source>
        <translation>{t}前</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>{n} tiles ({keys})</source>
        <translation>{n} 个画面（{keys}）</translation>
    </message>
    <message>
        <source>Some of your wall layouts could not be read; see the log.</source>
        <translation>部分自定义视频墙布局无法读取，详见日志。</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Back to the tour</source>
        <translation>返回轮巡</translation>
    </message>
    <message>
        <source>Some saved tours could not be read; see the log.</source>
        <translation>部分已保存的轮巡方案无法读取，详见日志。</translation>
    </message>
    <message>
        <source>The saved video wall could not be used entirely; the standard wall is shown.</source>
        <translation>保存的视频墙无法完整使用，已显示标准视频墙。</translation>
    </message>
    <message>
        <source>Alarm cameras</source>
        <translation>警情摄像机</translation>
    </message>
    <message>
        <source>{name} ({n} tiles)</source>
        <translation>{name}（{n} 个画面）</translation>
    </message>
    <message>
        <source>Edit layouts…</source>
        <translation>编辑布局…</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>未分组</translation>
    </message>
    <message>
        <source>Grids by station</source>
        <translation>网格按派出所</translation>
    </message>
    <message>
        <source>Open alarms per grid</source>
        <translation>各网格未结警情</translation>
    </message>
    <message>
        <source>Units available per grid</source>
        <translation>各网格可用警力</translation>
    </message>
    <message>
        <source>Find a grid, camera, unit or address</source>
        <translation>查找网格、摄像机、警力或地址</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Keep the selected unit in the middle of the map</source>
        <translation>让选中的警力保持在地图中央</translation>
    </message>
    <message>
        <source>Whole area</source>
        <translation>全域</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测距</translation>
    </message>
    <message>
        <source>Click points on the map; the distance along them is shown. Click the button again to stop.</source>
        <translation>在地图上依次点击各点，显示沿线距离。再次点击此按钮结束。</translation>
    </message>
    <message>
        <source>Event zones</source>
        <translation>活动分区</translation>
    </message>
    <message>
        <source>Load event zones…</source>
        <translation>载入活动分区…</translation>
    </message>
    <message>
        <source>Remove event zones</source>
        <translation>移除活动分区</translation>
    </message>
    <message>
        <source>Unit symbols: a dart is a car, a slim dart a motorcycle, a disc with a nose an officer on foot, a block an ambulance or fire engine; the point shows the heading. Colour is the status. Filled: position fresh; faded: ageing (over {ageing}); grey with a dashed rim: stale (over {stale}); hollow, dotted: lost (over {lost}), kept where last seen.</source>
        <translation>警力图标：箭头为警车，细箭头为摩托车，带尖的圆点为步巡警员，方块为救护车或消防车；尖端指向行进方向。颜色表示状态。实心：位置最新；半透明：位置较旧（超过 {ageing}）；灰色虚线边：位置过时（超过 {stale}）；空心点线：失联（超过 {lost}），保留在最后已知位置。</translation>
    </message>
    <message>
        <source>{n} fresh</source>
        <translation>{n} 个实时</translation>
    </message>
    <message>
        <source>{n} ageing</source>
        <translation>{n} 个稍旧</translation>
    </message>
    <message>
        <source>{n} stale</source>
        <translation>{n} 个过时</translation>
    </message>
    <message>
        <source>{n} lost</source>
        <translation>{n} 个失联</translation>
    </message>
    <message>
        <source>{n} without position</source>
        <translation>{n} 个无位置</translation>
    </message>
    <message>
        <source>Units: {parts}</source>
        <translation>警力：{parts}</translation>
    </message>
    <message>
        <source>Load event zones</source>
        <translation>载入活动分区</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON 文件 (*.geojson *.json)</translation>
    </message>
    <message>
        <source>Event zones from {file}: {n} problem(s); the valid zones are shown. First: {first}</source>
        <translation>活动分区文件 {file}：{n} 处问题，已显示有效分区。第一处：{first}</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>警力</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>警情</translation>
    </message>
    <message>
        <source>Dispatch the nearest unit…</source>
        <translation>派最近的警力…</translation>
    </message>
    <message>
        <source>Follow this unit</source>
        <translation>跟随此警力</translation>
    </message>
    <message>
        <source>Show the cameras near here on the wall ({n})</source>
        <translation>在视频墙上显示附近的摄像机（{n}）</translation>
    </message>
    <message>
        <source>Centre the map here</source>
        <translation>以此为地图中心</translation>
    </message>
    <message>
        <source>Dispatch is done from the alarm queue, which is not open.</source>
        <translation>派警须在警情队列中进行，但警情队列未打开。</translation>
    </message>
    <message>
        <source>The event zones file {file} is no longer there; the map is shown without zones.</source>
        <translation>活动分区文件 {file} 已不存在，地图不显示分区。</translation>
    </message>
    <message>
        <source>The map tiles cannot be used ({why}); the map is shown without them.</source>
        <translation>无法使用地图瓦片（{why}），地图不显示底图。</translation>
    </message>
    <message>
        <source>No station</source>
        <translation>无所属派出所</translation>
    </message>
    <message>
        <source>No grid</source>
        <translation>无网格</translation>
    </message>
    <message>
        <source>Your role may not move cameras.</source>
        <translation>您的角色不能转动摄像机。</translation>
    </message>
    <message>
        <source>This camera cannot be moved.</source>
        <translation>该摄像机不能转动。</translation>
    </message>
    <message>
        <source>The camera move was refused by the server.</source>
        <translation>服务器拒绝了摄像机转动指令。</translation>
    </message>
    <message>
        <source>The camera move was not sent: no connection.</source>
        <translation>摄像机转动指令未发送：没有连接。</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>轮巡</translation>
    </message>
    <message>
        <source>Tour the cameras shown in the tree</source>
        <translation>轮巡目录中显示的摄像机</translation>
    </message>
    <message>
        <source>Pause the tour</source>
        <translation>暂停轮巡</translation>
    </message>
    <message>
        <source>Stop the tour</source>
        <translation>停止轮巡</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>There is no saved tour named {name}.</source>
        <translation>没有名为 {name} 的轮巡方案。</translation>
    </message>
    <message>
        <source>The tour {name} has no cameras left (its groups are empty).</source>
        <translation>轮巡方案 {name} 已没有摄像机（其分组为空）。</translation>
    </message>
    <message>
        <source>one tile</source>
        <translation>单画面</translation>
    </message>
    <message>
        <source>whole wall</source>
        <translation>整墙</translation>
    </message>
    <message>
        <source>{name} ({where}, {s} s)</source>
        <translation>{name}（{where}，{s} 秒）</translation>
    </message>
    <message>
        <source>Edit tours…</source>
        <translation>编辑轮巡方案…</translation>
    </message>
    <message>
        <source>Resume the tour</source>
        <translation>继续轮巡</translation>
    </message>
    <message>
        <source>step {i}/{n}</source>
        <translation>第 {i}/{n} 组</translation>
    </message>
    <message>
        <source>waits for the alarm</source>
        <translation>等待警情处理</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>next in {s} s</source>
        <translation>{s} 秒后切换</translation>
    </message>
    <message>
        <source> on tile {n}</source>
        <translation>（第 {n} 画面）</translation>
    </message>
    <message>
        <source>a tour needs a name</source>
        <translation>轮巡方案需要一个名称</translation>
    </message>
    <message>
        <source>a tour needs at least one camera or group</source>
        <translation>轮巡方案至少需要一路摄像机或一个分组</translation>
    </message>
    <message>
        <source>a step must stay 3 s to 1 h</source>
        <translation>每步停留时间须在 3 秒至 1 小时之间</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>轮巡方案</translation>
    </message>
    <message>
        <source>New tour</source>
        <translation>新建轮巡</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Not saved: the name {name} is taken already.</source>
        <translation>未保存：名称 {name} 已被使用。</translation>
    </message>
    <message>
        <source>Could not be saved ({why}).</source>
        <translation>无法保存（{why}）。</translation>
    </message>
    <message>
        <source>Could not be deleted ({why}).</source>
        <translation>无法删除（{why}）。</translation>
    </message>
    <message>
        <source>Saved tours</source>
        <translation>已保存的轮巡</translation>
    </message>
    <message>
        <source> s per step</source>
        <translation> 秒/步</translation>
    </message>
    <message>
        <source>The whole wall (a wall&apos;s worth of cameras per step)</source>
        <translation>整墙（每步一整墙摄像机）</translation>
    </message>
    <message>
        <source>One tile (the tile selected when it starts)</source>
        <translation>单画面（开始时选中的画面）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Dwell</source>
        <translation>停留时间</translation>
    </message>
    <message>
        <source>Shows on</source>
        <translation>显示于</translation>
    </message>
    <message>
        <source>Find a camera or group</source>
        <translation>查找摄像机或分组</translation>
    </message>
    <message>
        <source>Add to the tour</source>
        <translation>加入轮巡</translation>
    </message>
    <message>
        <source>Take out of the tour</source>
        <translation>移出轮巡</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>前移</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>后移</translation>
    </message>
    <message>
        <source>Cameras and groups</source>
        <translation>摄像机和分组</translation>
    </message>
    <message>
        <source>In this tour, in order</source>
        <translation>本轮巡（按顺序）</translation>
    </message>
    <message>
        <source>Save tour</source>
        <translation>保存轮巡</translation>
    </message>
    <message>
        <source>Group {name} ({n} cameras)</source>
        <translation>分组 {name}（{n} 路）</translation>
    </message>
    <message>
        <source>{id} (no longer known)</source>
        <translation>{id}（已不存在）</translation>
    </message>
    <message>
        <source>Not saved: {why}.</source>
        <translation>未保存：{why}。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Back to the wall</source>
        <translation>返回多画面</translation>
    </message>
    <message>
        <source>Fill the wall</source>
        <translation>全屏显示</translation>
    </message>
    <message>
        <source>Type a camera number, then Enter</source>
        <translation>输入摄像机编号后按回车</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>抓图</translation>
    </message>
    <message>
        <source>Patrol note…</source>
        <translation>巡查记录…</translation>
    </message>
    <message>
        <source>PTZ preset</source>
        <translation>云台预置位</translation>
    </message>
    <message>
        <source>Preset {n}</source>
        <translation>预置位 {n}</translation>
    </message>
    <message>
        <source>Remove from this tile</source>
        <translation>从此画面移除</translation>
    </message>
    <message>
        <source>Demo faults</source>
        <translation>演示故障</translation>
    </message>
    <message>
        <source>Make this stream fail</source>
        <translation>使此视频流中断</translation>
    </message>
    <message>
        <source>Let this stream recover</source>
        <translation>使此视频流恢复</translation>
    </message>
    <message>
        <source>Click the tile to take a snapshot of first.</source>
        <translation>请先点击要抓图的画面。</translation>
    </message>
    <message>
        <source>Snapshots cannot be saved at this workstation.</source>
        <translation>此工作站无法保存抓图。</translation>
    </message>
    <message>
        <source>The snapshot folder cannot be written: {folder}</source>
        <translation>无法写入抓图文件夹：{folder}</translation>
    </message>
    <message>
        <source>No picture to take: {camera} is not playing.</source>
        <translation>无画面可抓：{camera} 未在播放。</translation>
    </message>
    <message>
        <source>The snapshot of {camera} could not be written.</source>
        <translation>{camera} 的抓图无法写入。</translation>
    </message>
    <message>
        <source>Snapshot of {camera} saved: {file}</source>
        <translation>已保存 {camera} 的抓图：{file}</translation>
    </message>
    <message>
        <source>Click the tile of the camera the note is about first.</source>
        <translation>请先点击记录所涉摄像机的画面。</translation>
    </message>
    <message>
        <source>Video patrol, {camera}: {text}</source>
        <translation>视频巡查，{camera}：{text}</translation>
    </message>
    <message>
        <source>Note added to {id}.</source>
        <translation>已为 {id} 添加备注。</translation>
    </message>
    <message>
        <source>The demo server did not take the fault.</source>
        <translation>演示服务器未接受该故障设置。</translation>
    </message>
    <message>
        <source>No camera {n}</source>
        <translation>没有 {n} 号摄像机</translation>
    </message>
    <message>
        <source>The map tiles cannot be loaded from {where}; the map is shown without them.</source>
        <translation>无法从 {where} 加载地图瓦片；地图将不带底图显示。</translation>
    </message>
    <message>
        <source>the tile source</source>
        <translation>瓦片来源</translation>
    </message>
    <message>
        <source>The basemap address {address} is not an http:// or https:// address.</source>
        <translation>底图地址 {address} 不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>The basemap address {address} lacks {missing}; a tile address needs {{z}}, {{x}} and {{y}}, as in http://tiles.example/{{z}}/{{x}}/{{y}}.png.</source>
        <translation>底图地址 {address} 缺少 {missing}；瓦片地址须包含 {{z}}、{{x}} 和 {{y}}，例如 http://tiles.example/{{z}}/{{x}}/{{y}}.png。</translation>
    </message>
    <message>
        <source>The basemap zoom levels {low}–{high} are not usable.</source>
        <translation>底图缩放级别 {low}–{high} 不可用。</translation>
    </message>
    <message>
        <source>The map tile file {file} does not exist.</source>
        <translation>地图瓦片文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>The map tile file {file} cannot be opened ({why}).</source>
        <translation>无法打开地图瓦片文件 {file}（{why}）。</translation>
    </message>
    <message>
        <source>The map tile file {file} holds vector tiles; only image tiles (PNG or JPEG) can be shown.</source>
        <translation>地图瓦片文件 {file} 为矢量瓦片；只能显示图片瓦片（PNG 或 JPEG）。</translation>
    </message>
    <message>
        <source>The map tile file {file} holds no tiles.</source>
        <translation>地图瓦片文件 {file} 中没有瓦片。</translation>
    </message>
    <message>
        <source>The map tile file {file} is not a readable MBTiles file ({why}).</source>
        <translation>地图瓦片文件 {file} 不是可读取的 MBTiles 文件（{why}）。</translation>
    </message>
    <message>
        <source>The basemap setting {setting} is neither a tile address such as http://tiles.example/{{z}}/{{x}}/{{y}}.png nor an .mbtiles file.</source>
        <translation>底图设置 {setting} 既不是瓦片地址（如 http://tiles.example/{{z}}/{{x}}/{{y}}.png），也不是 .mbtiles 文件。</translation>
    </message>
    <message>
        <source>Your role may not change a unit&apos;s status.</source>
        <translation>您的角色无权更改警力状态。</translation>
    </message>
    <message>
        <source>Select a unit first.</source>
        <translation>请先选择一个警力。</translation>
    </message>
    <message>
        <source>The unit has this status already.</source>
        <translation>该警力已是此状态。</translation>
    </message>
    <message>
        <source>Units are dispatched from an alarm (the alarm queue).</source>
        <translation>警力须从警情派出（在警情队列中）。</translation>
    </message>
    <message>
        <source>This status cannot follow the unit&apos;s present one.</source>
        <translation>该状态不能接在警力当前状态之后。</translation>
    </message>
    <message>
        <source>{name} · {count}</source>
        <translation>{name} · {count}</translation>
    </message>
    <message>
        <source>Watchlist details are shown to duty officers and supervisors only.</source>
        <translation>布控详情仅向值班员和值班长显示。</translation>
    </message>
    <message>
        <source>Offline: the entry is shown as cached, without its photo.</source>
        <translation>离线：显示缓存的布控信息，不含照片。</translation>
    </message>
    <message>
        <source>This entry is no longer on the watchlist (expired or withdrawn) and is not shown any more.</source>
        <translation>该对象已不在布控名单中（已到期或已撤销），不再显示。</translation>
    </message>
    <message>
        <source>Save the BOLO sheet</source>
        <translation>保存协查通报</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Open the entry before printing its sheet.</source>
        <translation>请先打开该布控对象，再打印其通报。</translation>
    </message>
    <message>
        <source>The sheet could not be written to {path}: {why}</source>
        <translation>通报无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>BOLO sheet saved: {path}</source>
        <translation>协查通报已保存：{path}</translation>
    </message>
    <message>
        <source>The central services refuse watchlist details to your role.</source>
        <translation>中心服务拒绝向您的角色提供布控详情。</translation>
    </message>
    <message>
        <source>This entry is no longer on the watchlist.</source>
        <translation>该对象已不在布控名单中。</translation>
    </message>
    <message>
        <source>The entry could not be loaded from the central services; see the log.</source>
        <translation>无法从中心服务加载该布控对象，详见日志。</translation>
    </message>
    <message>
        <source>The entry cannot be loaded: no connection to the central services.</source>
        <translation>无法加载该布控对象：与中心服务无连接。</translation>
    </message>
    <message>
        <source>This entry is no longer valid.</source>
        <translation>该布控已失效。</translation>
    </message>
    <message>
        <source>The audit record could not be written, so this was not done; see the log.</source>
        <translation>审计记录无法写入，因此未执行此操作，详见日志。</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>diverse</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>For briefing only. Confidential: do not pass on; destroy after the valid-until date.</source>
        <translation>仅供勤务布置使用。密件：不得外传；有效期满后销毁。</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>别名：</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>发布单位：</translation>
    </message>
    <message>
        <source>Handling:</source>
        <translation>处置要求：</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Born:</source>
        <translation>出生年份：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>体貌特征：</translation>
    </message>
    <message>
        <source>Vehicle:</source>
        <translation>车辆：</translation>
    </message>
    <message>
        <source>Printed by {who} at workstation {workstation}, {at}.</source>
        <translation>由 {who} 于工作站 {workstation} 打印，{at}。</translation>
    </message>
    <message>
        <source>Entry {id}, version {version}</source>
        <translation>布控编号 {id}，版本 {version}</translation>
    </message>
    <message>
        <source>{p} %</source>
        <translation>{p}%</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未核实</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已否定</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Hits: {confirmed} confirmed · {rejected} rejected · {unverified} not yet verified</source>
        <translation>比中：{confirmed} 次确认 · {rejected} 次否定 · {unverified} 次待核实</translation>
    </message>
    <message>
        <source>No sightings known to this workstation.</source>
        <translation>本工作站未知任何比中记录。</translation>
    </message>
    <message>
        <source>Print BOLO sheet…</source>
        <translation>打印协查通报…</translation>
    </message>
    <message>
        <source>Select an entry and press Enter (or double-click) to open its details. Opening an entry is recorded in the audit log.</source>
        <translation>选择一个布控对象并按回车（或双击）查看详情。每次查看都会记入审计日志。</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Print a one-page BOLO sheet of this entry</source>
        <translation>打印该对象的一页协查通报</translation>
    </message>
    <message>
        <source>This entry is no longer valid (expired or without a legal basis); it is not shown.</source>
        <translation>该布控已失效（已到期或无法律依据），不予显示。</translation>
    </message>
    <message>
        <source>Expires within a week: it must be renewed or it is withdrawn.</source>
        <translation>一周内到期：须续期，否则将撤销。</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Open alarm {id}</source>
        <translation>打开警情 {id}</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>在逃</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>失踪</translation>
    </message>
    <message>
        <source>BOLO</source>
        <translation>协查</translation>
    </message>
    <message>
        <source>Protection order</source>
        <translation>保护令</translation>
    </message>
    <message>
        <source>Event ban</source>
        <translation>活动禁入</translation>
    </message>
    <message>
        <source>expires today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>%n day left</source>
        <translation>剩 %n 天</translation>
    </message>
    <message>
        <source>%n days left</source>
        <translation>剩 %n 天</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置要求</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>比中</translation>
    </message>
    <message>
        <source>{name} (aka {aliases})</source>
        <translation>{name}（别名 {aliases}）</translation>
    </message>
    <message>
        <source>{confirmed} confirmed, {rejected} rejected, {unverified} not yet verified</source>
        <translation>{confirmed} 次确认，{rejected} 次否定，{unverified} 次待核实</translation>
    </message>
    <message>
        <source>Expires within {n} days</source>
        <translation>{n} 天内到期</translation>
    </message>
    <message>
        <source>Valid until {time}</source>
        <translation>有效期至 {time}</translation>
    </message>
    <message>
        <source>Search name, alias, plate, description — Enter to search</source>
        <translation>搜索姓名、别名、车牌、特征——按回车搜索</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>{shown} of {total} entry</source>
        <translation>{shown} / {total} 个对象</translation>
    </message>
    <message>
        <source>{shown} of {total} entries</source>
        <translation>{shown} / {total} 个对象</translation>
    </message>
    <message>
        <source>Search: “{text}”</source>
        <translation>搜索：“{text}”</translation>
    </message>
    <message>
        <source>Current entries: none</source>
        <translation>当前布控：无</translation>
    </message>
    <message>
        <source>Current entries: {total} ({parts})</source>
        <translation>当前布控：{total} 个（{parts}）</translation>
    </message>
    <message>
        <source>Watchlist entries are shown to duty officers and supervisors only. Your role ({roles}) does not see names, photos or details; the central services refuse them too.</source>
        <translation>布控对象仅向值班员和值班长显示。您的角色（{roles}）看不到姓名、照片或详情；中心服务也拒绝提供。</translation>
    </message>
    <message>
        <source>Are we on top of it? — overview</source>
        <translation>全局态势 — 总览</translation>
    </message>
    <message>
        <source>Open alarms on the map</source>
        <translation>地图上的未结警情</translation>
    </message>
    <message>
        <source>Cameras at the most urgent alarms</source>
        <translation>最紧急警情处的摄像机</translation>
    </message>
    <message>
        <source>Last 8 hours (this shift)</source>
        <translation>近 8 小时（本班）</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>近 12 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>近 24 小时</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>自定义时段</translation>
    </message>
    <message>
        <source>Shift handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <source>Make report…</source>
        <translation>生成报告…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The PDF and a CSV of its alarms are written; both are recorded in the audit log.</source>
        <translation>将生成 PDF 及其警情 CSV，两者均记入审计日志。</translation>
    </message>
    <message>
        <source>Shift handover report…</source>
        <translation>交接班报告…</translation>
    </message>
    <message>
        <source>A PDF of the period for the next shift, with a CSV of its alarms</source>
        <translation>为下一班生成该时段的 PDF 报告及警情 CSV</translation>
    </message>
    <message>
        <source>Save the shift handover report</source>
        <translation>保存交接班报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {error}</source>
        <translation>报告无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Shift handover report written: {pdf} (and {csv})</source>
        <translation>交接班报告已生成：{pdf}（及 {csv}）</translation>
    </message>
    <message>
        <source>The audit log could not be written, so the report was not exported.</source>
        <translation>审计日志无法写入，报告未导出。</translation>
    </message>
    <message>
        <source>NORMAL</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>ELEVATED</source>
        <translation>加强</translation>
    </message>
    <message>
        <source>HIGH</source>
        <translation>高</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>特级</translation>
    </message>
    <message>
        <source>ALERT LEVEL: {level}</source>
        <translation>勤务等级：{level}</translation>
    </message>
    <message>
        <source>since {time}</source>
        <translation>自 {time} 起</translation>
    </message>
    <message>
        <source>(last known, as of {time})</source>
        <translation>（最后已知，截至 {time}）</translation>
    </message>
    <message>
        <source>P{n}</source>
        <translation>P{n}</translation>
    </message>
    <message>
        <source>+{n} beyond {t}</source>
        <translation>另 {n} 起超过 {t}</translation>
    </message>
    <message>
        <source>Open alarms</source>
        <translation>未结警情</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>接警确认</translation>
    </message>
    <message>
        <source>unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Units by status</source>
        <translation>警力状态</translation>
    </message>
    <message>
        <source>Top grids by open alarms</source>
        <translation>未结警情最多的网格</translation>
    </message>
    <message>
        <source>No open alarms</source>
        <translation>无未结警情</translation>
    </message>
    <message>
        <source>Alarms per hour</source>
        <translation>每小时警情</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>确认用时</translation>
    </message>
    <message>
        <source>Acknowledged → dispatched</source>
        <translation>确认 → 派警</translation>
    </message>
    <message>
        <source>Alarm rate</source>
        <translation>警情速率</translation>
    </message>
    <message>
        <source>FLOOD</source>
        <translation>洪峰</translation>
    </message>
    <message>
        <source>%n alarm created</source>
        <translation>新增警情 %n 起</translation>
    </message>
    <message>
        <source>%n alarms created</source>
        <translation>新增警情 %n 起</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转交</translation>
    </message>
    <message>
        <source>New alarms per hour</source>
        <translation>每小时新增警情</translation>
    </message>
    <message>
        <source>New alarms per 10 minutes</source>
        <translation>每 10 分钟新增警情</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>P{priority}</source>
        <translation>P{priority}</translation>
    </message>
    <message>
        <source>{state} ({disposition})</source>
        <translation>{state}（{disposition}）</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>制作人：</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>席位：</translation>
    </message>
    <message>
        <source>Made at:</source>
        <translation>生成时间：</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Made from the local cache while offline; data as of {as_of}</source>
        <translation>离线时由本地缓存生成；数据截至 {as_of}</translation>
    </message>
    <message>
        <source>Alarms handled</source>
        <translation>警情处置</translation>
    </message>
    <message>
        <source>No alarms were raised or closed in this period.</source>
        <translation>本时段无新增或办结警情。</translation>
    </message>
    <message>
        <source>Alarms raised</source>
        <translation>新增警情</translation>
    </message>
    <message>
        <source>Closed total</source>
        <translation>办结合计</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Response times against targets</source>
        <translation>响应时间与目标对比</translation>
    </message>
    <message>
        <source>No response times were measured in this period.</source>
        <translation>本时段未测得响应时间。</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <source>Alarms measured</source>
        <translation>测量警情数</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>Met?</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <source>Not measurable</source>
        <translation>无法测量</translation>
    </message>
    <message>
        <source>P{percent}</source>
        <translation>P{percent}</translation>
    </message>
    <message>
        <source>{percentile}: {value}</source>
        <translation>{percentile}：{value}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{percent} % within {target}</source>
        <translation>{percent}% 在 {target} 内</translation>
    </message>
    <message>
        <source>Alarm flood (ISA-18.2, &gt; {threshold} per {minutes} min): time in flood {hours} h {mins} min; busiest {minutes} minutes: {busiest} alarms</source>
        <translation>警情洪峰（ISA-18.2，每 {minutes} 分钟 &gt; {threshold} 起）：洪峰时长 {hours} 小时 {mins} 分；最繁忙的 {minutes} 分钟：{busiest} 起</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>超时警情</translation>
    </message>
    <message>
        <source>No overdue cases in this period.</source>
        <translation>本时段无超时警情。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>over {duration}</source>
        <translation>超过 {duration}</translation>
    </message>
    <message>
        <source>Units at the time of the report</source>
        <translation>报告生成时的警力</translation>
    </message>
    <message>
        <source>No units were known at the time of the report.</source>
        <translation>报告生成时无已知警力。</translation>
    </message>
    <message>
        <source>Notable alarms</source>
        <translation>重点警情</translation>
    </message>
    <message>
        <source>No notable alarms in this period.</source>
        <translation>本时段无重点警情。</translation>
    </message>
    <message>
        <source>{id} ({priority}, {kind})</source>
        <translation>{id}（{priority}，{kind}）</translation>
    </message>
    <message>
        <source>Units: {units}</source>
        <translation>警力：{units}</translation>
    </message>
    <message>
        <source>Open items handed over</source>
        <translation>移交未结事项</translation>
    </message>
    <message>
        <source>No open items are handed over.</source>
        <translation>无移交未结事项。</translation>
    </message>
    <message>
        <source>Age at period end</source>
        <translation>截至时段末的时长</translation>
    </message>
    <message>
        <source>Confidential — for the shift handover</source>
        <translation>内部资料 — 仅供交接班使用</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
        <source>Video is off: the VLC library (libVLC) is not installed on this workstation. Ask your administrator to install the packages {packages}.</source>
        <translation>视频已关闭：本工作站未安装 VLC 库（libVLC）。请联系管理员安装软件包 {packages}。</translation>
    </message>
    <message>
        <source>The site configuration {path} could not be read, so the standard settings are in use.</source>
        <translation>无法读取站点配置 {path}，现使用标准设置。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the profile folder is read-only</source>
        <translation>配置文件夹为只读</translation>
    </message>
    <message>
        <source>the disk reports an error</source>
        <translation>磁盘报告错误</translation>
    </message>
    <message>
        <source>This workstation cannot open its files in {folder} ({reason}). Without them it can neither keep the hall&apos;s picture nor queue commands, so it does not connect. Ask IT to make the folder writable or free disk space, then log in again.</source>
        <translation>本工作站无法打开 {folder} 中的文件（{reason}）。没有这些文件，它既不能保存大厅的态势，也不能排队发送指令，因此不会连接。请联系信息技术人员使该文件夹可写或释放磁盘空间，然后重新登录。</translation>
    </message>
    <message>
        <source>This workstation cannot save to its disk: {reason}. Alarms and units stay live, but every command is refused until it can, and a restart would show older data. Free disk space or call IT.</source>
        <translation>本工作站无法写入磁盘：{reason}。警情和警力仍实时更新，但在恢复之前所有指令都会被拒绝，重启后也会显示较旧的数据。请释放磁盘空间或联系信息技术人员。</translation>
    </message>
    <message>
        <source>This workstation can save to its disk again; commands are accepted.</source>
        <translation>本工作站已可再次写入磁盘，指令恢复受理。</translation>
    </message>
</context>
<context>
    <name>AlarmQueueView</name>
    <message>
        <source>Search title, address, source or id</source>
        <translation>搜索标题、地址、来源或编号</translation>
    </message>
    <message>
        <source>P{p}</source>
        <translation>{p}级</translation>
    </message>
    <message>
        <source>Show priority {p} alarms</source>
        <translation>显示 {p} 级警情</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>仅新警情</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派警</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <source>Closed in the last {h} h</source>
        <translation>近 {h} 小时已结束</translation>
    </message>
    <message>
        <source>Only mine (acknowledged or raised by me)</source>
        <translation>仅我的（由我确认或新建）</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>派出所</translation>
    </message>
    <message>
        <source>Clear these filters</source>
        <translation>清除这些筛选</translation>
    </message>
    <message>
        <source>Filters ({n})</source>
        <translation>筛选（{n}）</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>{n} closed in the last {h} h (read only)</source>
        <translation>近 {h} 小时已结束 {n} 起（只读）</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>{n} 起未结</translation>
    </message>
    <message>
        <source>{n} unacknowledged</source>
        <translation>{n} 起未确认</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 起超时</translation>
    </message>
    <message>
        <source>{n} shown</source>
        <translation>显示 {n} 起</translation>
    </message>
</context>
<context>
    <name>CameraTree</name>
    <message>
        <source>Find a camera by name or number</source>
        <translation>按名称或编号查找摄像机</translation>
    </message>
    <message>
        <source>By station</source>
        <translation>按派出所</translation>
    </message>
    <message>
        <source>By group</source>
        <translation>按分组</translation>
    </message>
    <message>
        <source>{name}  ({online}/{total} online)</source>
        <translation>{name}（{online}/{total} 在线）</translation>
    </message>
    <message>
        <source>{name} (offline)</source>
        <translation>{name}（离线）</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Type a command or part of its name</source>
        <translation>输入命令或命令名称的一部分</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation>匹配的命令</translation>
    </message>
    <message>
        <source>No command matches “{text}”.</source>
        <translation>没有与“{text}”匹配的命令。</translation>
    </message>
    <message>
        <source>No commands are available.</source>
        <translation>没有可用的命令。</translation>
    </message>
    <message>
        <source>“{title}” is not available right now.</source>
        <translation>“{title}”当前不可用。</translation>
    </message>
    <message>
        <source>“{title}” takes nothing after its name; remove “{argument}”.</source>
        <translation>“{title}”后面不接参数；请删除“{argument}”。</translation>
    </message>
    <message>
        <source>Suggestions are not available.</source>
        <translation>无法提供补全建议。</translation>
    </message>
    <message>
        <source>No suggestions for “{argument}”.</source>
        <translation>“{argument}”没有可用的补全建议。</translation>
    </message>
    <message>
        <source>Type: {words}</source>
        <translation>输入：{words}</translation>
    </message>
    <message>
        <source>‹{hint}›</source>
        <translation>‹{hint}›</translation>
    </message>
    <message>
        <source>Tab completes</source>
        <translation>Tab 补全</translation>
    </message>
    <message>
        <source>“{title}” failed: {error}</source>
        <translation>“{title}”执行失败：{error}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The password cannot be checked right now. Call the supervisor.</source>
        <translation>目前无法验证密码。请联系值班长。</translation>
    </message>
    <message>
        <source>The password could not be checked. Try again.</source>
        <translation>无法验证密码。请重试。</translation>
    </message>
    <message>
        <source>Wrong password. Try again.</source>
        <translation>密码错误。请重试。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Workstation locked</source>
        <translation>工作站已锁定</translation>
    </message>
    <message>
        <source>Locked since {time}</source>
        <translation>自 {time} 起锁定</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock it on the main screen.</source>
        <translation>请在主屏幕上解锁。</translation>
    </message>
</context>
<context>
    <name>MiniMap</name>
    <message>
        <source>Mini map</source>
        <translation>小地图</translation>
    </message>
    <message>
        <source>No location</source>
        <translation>无位置信息</translation>
    </message>
</context>
<context>
    <name>MuteButton</name>
    <message>
        <source>Sounds off</source>
        <translation>提示音已关闭</translation>
    </message>
    <message>
        <source>Alarm sounds are turned off in Workstation → Settings.</source>
        <translation>警情提示音已在“工作站 → 设置”中关闭。</translation>
    </message>
    <message>
        <source>Alarm sounds are on. Click to mute them for {n} minutes.</source>
        <translation>警情提示音已开启。点击可静音 {n} 分钟。</translation>
    </message>
    <message>
        <source>Muted {time}</source>
        <translation>静音 {time}</translation>
    </message>
    <message>
        <source>Alarm sounds are muted until {t}; they come back by themselves. Click to turn them on now.</source>
        <translation>警情提示音静音至 {t}，到时自动恢复。点击可立即开启。</translation>
    </message>
    <message>
        <source>P1 waiting</source>
        <translation>1 级警情待确认</translation>
    </message>
    <message>
        <source>A priority 1 alarm waits for acknowledgement; its reminder sounds again when the mute ends.</source>
        <translation>有 1 级警情等待确认；静音结束后将再次响铃提示。</translation>
    </message>
    <message>
        <source>Alarm sounds on</source>
        <translation>警情提示音已开启</translation>
    </message>
</context>
<context>
    <name>PaletteAction</name>
    <message>
        <source>Command palette…</source>
        <translation>命令面板…</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <source>Video wall: live camera tiles</source>
        <translation>视频墙：实时摄像机画面</translation>
    </message>
    <message>
        <source>Alarm queue</source>
        <translation>警情队列</translation>
    </message>
    <message>
        <source>Alarm queue and the alarm workflow</source>
        <translation>警情队列与警情处置流程</translation>
    </message>
    <message>
        <source>Grid map</source>
        <translation>网格地图</translation>
    </message>
    <message>
        <source>Grid map: districts and patrol grids</source>
        <translation>网格地图：辖区与巡逻网格</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>态势看板</translation>
    </message>
    <message>
        <source>Leadership and large-event overview</source>
        <translation>领导与大型活动总览</translation>
    </message>
    <message>
        <source>Big screen</source>
        <translation>大屏</translation>
    </message>
    <message>
        <source>Big-screen mode for the hall wall</source>
        <translation>大厅大屏模式</translation>
    </message>
    <message>
        <source>Unit board</source>
        <translation>警力看板</translation>
    </message>
    <message>
        <source>Unit status board</source>
        <translation>警力状态看板</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>布控名单</translation>
    </message>
    <message>
        <source>Watchlist pane</source>
        <translation>布控名单窗格</translation>
    </message>
    <message>
        <source>Not available in this version.
It comes with: {issue}</source>
        <translation>本版本暂不提供。
将随以下功能提供：{issue}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Video patrol</source>
        <translation>视频巡查员</translation>
    </message>
    <message>
        <source>Leadership</source>
        <translation>领导</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Your saved settings could not be read, so the standard settings are in use.</source>
        <translation>无法读取您保存的设置，现使用标准设置。</translation>
    </message>
    <message>
        <source>The old file was kept as {name}.</source>
        <translation>旧文件已保留为 {name}。</translation>
    </message>
    <message>
        <source>Set by the site configuration ({path})</source>
        <translation>由站点配置设定（{path}）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Large text (for wall screens and projection)</source>
        <translation>大字体（用于墙幕和投影）</translation>
    </message>
    <message>
        <source>Play alarm and notice sounds</source>
        <translation>播放警情和通知提示音</translation>
    </message>
    <message>
        <source>Sound volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>This position is exempt from the idle lock by site policy: the screen does not lock by itself. Lock it with Ctrl+L when you leave.</source>
        <translation>按本单位规定，此席位不自动锁屏。离开时请按 Ctrl+L 锁屏。</translation>
    </message>
    <message>
        <source>The screen locks after this many minutes without keyboard or mouse input. Alarms still sound while it is locked.</source>
        <translation>在此分钟数内无键盘或鼠标操作时自动锁屏。锁屏期间警情提示音仍会播放。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Seconds to acknowledge a P{p} alarm</source>
        <translation>{p} 级警情的确认时限（秒）</translation>
    </message>
    <message>
        <source>never group</source>
        <translation>不合并</translation>
    </message>
    <message>
        <source> new alarms in 10 min</source>
        <translation> 起新警情/10 分钟</translation>
    </message>
    <message>
        <source> km/h</source>
        <translation> 公里/小时</translation>
    </message>
    <message>
        <source>Put a new P1 alarm&apos;s cameras on the video wall</source>
        <translation>新的 1 级警情自动将其摄像机放上视频墙</translation>
    </message>
    <message>
        <source>Low latency (desks that steer cameras)</source>
        <translation>低延迟（需操控摄像机的席位）</translation>
    </message>
    <message>
        <source>Smooth, 1.5 s behind (wall screens)</source>
        <translation>流畅，延后 1.5 秒（大屏）</translation>
    </message>
    <message>
        <source>Automatic (by the graphics card found)</source>
        <translation>自动（按检测到的显卡）</translation>
    </message>
    <message>
        <source>Software (no graphics card)</source>
        <translation>软件（无显卡）</translation>
    </message>
    <message>
        <source>Hardware (graphics card)</source>
        <translation>硬件（显卡）</translation>
    </message>
    <message>
        <source>ageing after</source>
        <translation>稍旧于</translation>
    </message>
    <message>
        <source>stale after</source>
        <translation>过时于</translation>
    </message>
    <message>
        <source>lost after</source>
        <translation>失联于</translation>
    </message>
    <message>
        <source>dispatched, en route within</source>
        <translation>已派警，出发时限</translation>
    </message>
    <message>
        <source>en route, on scene within</source>
        <translation>途中，到场时限</translation>
    </message>
    <message>
        <source>welfare check every</source>
        <translation>现场安全确认间隔</translation>
    </message>
    <message>
        <source>https://tiles.hall.local/{z}/{x}/{y}.png or a .mbtiles file; empty: no basemap</source>
        <translation>https://tiles.hall.local/{z}/{x}/{y}.png 或 .mbtiles 文件；留空则不用底图</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>音量：</translation>
    </message>
    <message>
        <source>Lock the screen after:</source>
        <translation>自动锁屏时间：</translation>
    </message>
    <message>
        <source>Acknowledge within:</source>
        <translation>确认时限：</translation>
    </message>
    <message>
        <source>Group repeats within:</source>
        <translation>重复警情合并时限：</translation>
    </message>
    <message>
        <source>Alarm flood above:</source>
        <translation>警情激增阈值：</translation>
    </message>
    <message>
        <source>ETA assumes:</source>
        <translation>预计到达按车速：</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>视频：</translation>
    </message>
    <message>
        <source>Video decoding:</source>
        <translation>视频解码：</translation>
    </message>
    <message>
        <source>Positions:</source>
        <translation>警力位置：</translation>
    </message>
    <message>
        <source>Unit timers:</source>
        <translation>警力计时：</translation>
    </message>
    <message>
        <source>Map tiles:</source>
        <translation>地图底图：</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n} %</translation>
    </message>
</context>
<context>
    <name>UnitPickerDialog</name>
    <message>
        <source>Dispatch units</source>
        <translation>调派警力</translation>
    </message>
    <message>
        <source>this alarm</source>
        <translation>本警情</translation>
    </message>
    <message>
        <source>Filter by callsign or kind</source>
        <translation>按呼号或类别筛选</translation>
    </message>
    <message>
        <source>Note to the units (optional)</source>
        <translation>给警力的备注（可选）</translation>
    </message>
    <message>
        <source>Space or 1–9: choose · type: filter · Enter: dispatch · Esc: cancel</source>
        <translation>Space 或 1–9：选择 · 输入文字：筛选 · Enter：派警 · Esc：取消</translation>
    </message>
    <message>
        <source>Verify the watchlist match first</source>
        <translation>请先核实布控比中</translation>
    </message>
    <message>
        <source>This alarm is closed</source>
        <translation>该警情已结束</translation>
    </message>
    <message>
        <source>Choose at least one unit (Space)</source>
        <translation>请至少选择一组警力（Space）</translation>
    </message>
    <message>
        <source>P{p}</source>
        <translation>{p}级</translation>
    </message>
    <message>
        <source>Priority {p} (1 is the most urgent)</source>
        <translation>{p} 级（1 级最紧急）</translation>
    </message>
    <message>
        <source>Already on this alarm</source>
        <translation>已在处置本警情</translation>
    </message>
    <message>
        <source>{status} and on no alarm: it can be sent once it reports available</source>
        <translation>{status}，未在处置警情：报告空闲后方可调派</translation>
    </message>
    <message>
        <source>On another alarm: only a supervisor may reassign it</source>
        <translation>正在处置其他警情：只有值班长可以改派</translation>
    </message>
    <message>
        <source>Dispatch %n unit to {title}?</source>
        <translation>派出 %n 组警力前往“{title}”？</translation>
    </message>
    <message>
        <source>Dispatch %n units to {title}?</source>
        <translation>派出 %n 组警力前往“{title}”？</translation>
    </message>
    <message>
        <source>This takes {units} off their current alarm.</source>
        <translation>这会将 {units} 从其当前警情中调离。</translation>
    </message>
    <message>
        <source>Dispatch %n unit</source>
        <translation>派出 %n 组警力</translation>
    </message>
    <message>
        <source>Dispatch %n units</source>
        <translation>派出 %n 组警力</translation>
    </message>
    <message>
        <source>No unit can be sent</source>
        <translation>没有可派出的警力</translation>
    </message>
    <message>
        <source>{n} chosen</source>
        <translation>已选 {n} 组</translation>
    </message>
    <message>
        <source>{n} hidden by the filter</source>
        <translation>{n} 组已选警力被筛选隐藏</translation>
    </message>
    <message>
        <source>{shown} of {total} units shown</source>
        <translation>显示 {shown}/{total} 组警力</translation>
    </message>
</context>
<context>
    <name>_MatchDelegate</name>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>‹{hint}›</source>
        <translation>‹{hint}›</translation>
    </message>
</context>
<context>
    <name>_MatchModel</name>
    <message>
        <source>Not available right now.</source>
        <translation>当前不可用。</translation>
    </message>
</context>
</TS>
